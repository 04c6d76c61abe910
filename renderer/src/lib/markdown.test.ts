import { describe, expect, it } from 'vitest';
import { markdownSegments, safeHref } from './markdown.ts';

function html(markdown: string): string {
  return markdownSegments(markdown)
    .map((s) => (s.kind === 'html' ? s.html : ''))
    .join('');
}

describe('markdownSegments', () => {
  it('splits code blocks out of the prose, in order', () => {
    const segments = markdownSegments('Run this:\n\n```sh\nkubectl get nodes\n```\n\nThen look.');
    expect(segments.map((s) => s.kind)).toEqual(['html', 'code', 'html']);
    expect(segments[1]).toEqual({ kind: 'code', lang: 'sh', code: 'kubectl get nodes' });
    expect(html('**bold** and `code`')).toContain('<strong>bold</strong>');
  });

  it('shows raw HTML as text instead of interpreting it', () => {
    const out = html('<script>alert(1)</script>\n\nhi <img src=x onerror=alert(1)>');
    expect(out).not.toContain('<script');
    expect(out).not.toContain('<img');
    expect(out).toContain('&lt;script&gt;');
  });

  it('drops unsafe links and opens safe ones outside the app', () => {
    expect(html('[x](javascript:alert(1))')).not.toContain('href');
    expect(html('[k8s](https://kubernetes.io)')).toContain(
      'href="https://kubernetes.io" target="_blank" rel="noopener noreferrer"',
    );
    expect(safeHref('data:text/html,x')).toBeNull();
  });
});
