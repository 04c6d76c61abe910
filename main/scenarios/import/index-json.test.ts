import { describe, expect, it } from 'vitest';
import { LabError } from '../../api/errors.ts';
import { noteUnknownIndexKeys, parseIndex } from './index-json.ts';
import { NoteList } from './report.ts';

const MINIMAL = { title: 'T', details: { steps: [{ title: 'S', text: 's.md' }] } };

function parseError(text: string): LabError {
  try {
    parseIndex(text, 'x/index.json');
  } catch (error) {
    if (error instanceof LabError) return error;
  }
  throw new Error('parseIndex accepted it');
}

describe('parseIndex', () => {
  it('reads the parts kubelab maps and keeps Katacoda’s older names', () => {
    const { index } = parseIndex(
      JSON.stringify({
        ...MINIMAL,
        time: '15 minutes',
        details: {
          intro: { text: 'intro.md', courseData: 'setup.sh' },
          steps: [{ title: 'S', text: 's.md', verify: 'v.sh', code: 'fg.sh' }],
          assets: { host01: [{ file: '*', target: '~/', chmod: 755 }] },
        },
        backend: { imageid: 'kubernetes-kubeadm-2nodes' },
      }),
      'index.json',
    );
    expect(index.time).toBe('15 minutes');
    expect(index.details.intro?.courseData).toBe('setup.sh');
    expect(index.details.steps[0]).toMatchObject({ verify: 'v.sh', code: 'fg.sh' });
    expect(index.details.assets?.host01?.[0]?.chmod).toBe(755);
    expect(index.backend?.imageid).toBe('kubernetes-kubeadm-2nodes');
  });

  it('refuses what is not JSON, and JSON that is no scenario, saying where', () => {
    const notJson = parseError('{ "title": "T", }');
    expect(notJson.code).toBe('NOT_KILLERCODA');
    expect(notJson.message).toMatch(/^x\/index\.json is not valid JSON/);
    const noSteps = parseError(JSON.stringify({ title: 'T', details: { steps: [] } }));
    expect(noSteps.code).toBe('NOT_KILLERCODA');
    expect(noSteps.details).toEqual(['details.steps: a scenario needs at least one step']);
    expect(noSteps.fix).toMatch(/needs a title and details\.steps/);
  });
});

describe('noteUnknownIndexKeys', () => {
  it('notes every key it does not map, at every level, with the reason when known', () => {
    const notes = new NoteList();
    noteUnknownIndexKeys(
      {
        ...MINIMAL,
        interface: { layout: 'ide' },
        environment: { showdashboard: true },
        backend: { imageid: 'ubuntu', ports: [80] },
        details: {
          intro: { text: 'i.md', credits: 'https://x' },
          steps: [{ title: 'S', text: 's.md', answer: 'a.md' }],
          finish: { text: 'f.md', extra: 1 },
          assets: { host01: [{ file: 'a', target: '/root', owner: 'root' }] },
          editor: {},
        },
      },
      notes,
    );
    expect(notes.notes.map((n) => `${n.kind} ${n.where}: ${n.message}`)).toEqual([
      'unmapped index.json: interface: Killercoda’s layout of the page (kubelab’s is fixed: text beside one terminal per node): not imported',
      'unmapped index.json: environment: Killercoda’s environment settings (dashboards, layouts, hidden intro): not imported',
      'unmapped index.json: backend.ports: a key kubelab does not know: not imported',
      'unmapped index.json: details.editor: a key kubelab does not know: not imported',
      'unmapped index.json: details.intro.credits: a credits link (put it in the text if it matters): not imported',
      'unmapped index.json: details.finish.extra: a key kubelab does not know: not imported',
      'unmapped index.json: details.steps[0].answer: a separate answer page (the step’s solve is what "show me" runs): not imported',
      'unmapped index.json: details.assets.host01[0].owner: a key kubelab does not know: not imported',
    ]);
  });
});
