import { describe, expect, it } from 'vitest';
import { escapeHtml, html } from './html.ts';
import { buildProgressReport } from './report.ts';
import { humanDuration, isoUtc, renderReportHtml } from './report-html.ts';

const HOSTILE = `<script>alert("x")</script><img src=x onerror='y'> & <a href="https://evil.example/">`;

/** The page with every run of whitespace as one space (how HTML reads it). */
function page(): string {
  return rendered().replace(/\s+/g, ' ');
}

function rendered(): string {
  return renderReportHtml(
    buildProgressReport({
      lab: 'class-1',
      generatedAt: new Date('2026-12-02T08:00:00.123Z'),
      catalogue: [
        {
          id: 'pods',
          title: HOSTILE,
          steps: [
            { id: 'create', title: `Create <b>it</b>` },
            { id: 'share', title: 'Share a volume' },
            { id: 'check', title: 'Check' },
          ],
        },
        { id: 'vol', title: 'Volumes', steps: [{ id: 'mount', title: 'Mount it' }] },
      ],
      progress: {
        version: 1,
        scenarios: {
          pods: {
            steps: {
              create: { passedAt: '2026-12-01T10:00:00.000Z' },
              share: { passedAt: '2026-12-01T10:03:05.500Z', solved: true },
              '"><style>': { passedAt: '<i>soon</i>' },
            },
            hintsUsed: { share: 2 },
          },
          '<gone>': { steps: { 'a&b': { passedAt: '2026-12-01T09:00:00Z' } }, hintsUsed: {} },
        },
      },
      progressWarning: 'Part of the <progress> file was unreadable.',
    }),
  );
}

describe('progress report page', () => {
  it('escapes every string the learner’s files control', () => {
    const text = page();
    expect(text).not.toContain('<script');
    expect(text).not.toContain('<img');
    expect(text).not.toContain('<b>');
    expect(text).not.toContain('<i>');
    expect(text).not.toContain('<gone>');
    expect(text).not.toContain('"><style>');
    expect(text).toContain(
      '&lt;script&gt;alert(&quot;x&quot;)&lt;/script&gt;&lt;img src=x onerror=&#39;y&#39;&gt; &amp; &lt;a href=&quot;https://evil.example/&quot;&gt;',
    );
    expect(text).toContain('Create &lt;b&gt;it&lt;/b&gt;');
    expect(text).toContain('&lt;i&gt;soon&lt;/i&gt;</code> (not a valid time)');
    expect(text).toContain('id="scenario-&lt;gone&gt;"');
    expect(text).toContain('Part of the &lt;progress&gt; file was unreadable.');
  });

  it('is one self-contained page: inline style, no script, nothing fetched', () => {
    const text = page();
    expect(text.startsWith('<!doctype html>')).toBe(true);
    expect(text).toContain(`content="default-src 'none'; style-src 'unsafe-inline'"`);
    expect(text).toMatch(/<style>[^<]+<\/style>/);
    expect(text).toContain('"Segoe UI"');
    expect(text).not.toMatch(/<(script|link|img|iframe|object|embed)\b/i);
    expect(text).not.toMatch(/<[^>]*\s(src|href)=/i);
    expect(text).not.toMatch(/url\(|@import/);
    expect(text).toContain('@media print');
  });

  it('says plainly what the records are worth', () => {
    expect(page()).toContain(
      'Self-reported: these records are written by kubelab on the learner&#39;s own machine, which the learner controls; nothing here is signed or proof against editing.',
    );
  });

  it('shows times as ISO UTC with the time since the previous step, solves and hints', () => {
    const text = page();
    expect(text).toContain('<time datetime="2026-12-02T08:00:00Z">2026-12-02T08:00:00Z</time>');
    expect(text).toContain('<time datetime="2026-12-01T10:03:05Z">2026-12-01T10:03:05Z</time>');
    expect(text).toMatch(/2026-12-01T10:03:05Z<\/time><\/td> ?<td>3 min 06 s<\/td>/);
    expect(text).toContain('in progress</strong> · 2 of 3 steps passed · 1 solved');
    expect(text).toContain('2 hints shown');
    expect(text).toContain('not a step of this scenario now');
    expect(text).toContain('not in the catalogue any more');
  });

  it('a scenario nobody started takes one line, not a table of its steps', () => {
    const text = page();
    expect(text).toContain(
      '<strong>not started</strong> · 0 of 1 steps passed · 0 solved by “show me” or skip ahead · 0 hints shown </p> <p class="muted">Nothing recorded yet.</p>',
    );
    expect(text).not.toContain('Mount it');
  });

  it('formats durations and times', () => {
    expect(humanDuration(42.4)).toBe('42 s');
    expect(humanDuration(185)).toBe('3 min 05 s');
    expect(humanDuration(7620)).toBe('2 h 07 min');
    expect(humanDuration(3 * 86400 + 4 * 3600 + 59)).toBe('3 d 4 h');
    expect(humanDuration(-90)).toBe('1 min 30 s');
    expect(isoUtc('2026-12-01T11:00:00+01:00')).toBe('2026-12-01T10:00:00Z');
    expect(isoUtc('yesterday')).toBeNull();
  });

  it('the template escapes values but not nested fragments', () => {
    expect(escapeHtml(`<&>"'`)).toBe('&lt;&amp;&gt;&quot;&#39;');
    expect(
      html`<p>${'<b>'}${html`<i>${'&'}</i>`}${[html`<b>1</b>`, html`<b>2</b>`]}${null}${3}</p>`
        .text,
    ).toBe('<p>&lt;b&gt;<i>&amp;</i><b>1</b><b>2</b>3</p>');
  });
});
