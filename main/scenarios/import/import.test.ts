// The two Killercoda-shaped fixtures imported for real (disk in, disk out), then linted: the
// result must have no problem at all, and the report must list exactly what did not carry over.
import { mkdir, mkdtemp, readFile, readdir, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { LabError } from '../../api/errors.ts';
import { appRoot } from '../../paths.ts';
import { lintScenarioFolder } from '../lint.ts';
import { loadScenario } from '../load.ts';
import { formatProblem } from '../problems.ts';
import { defaultOut, importKillercoda } from './import.ts';
import { REPORT_FILE } from './report.ts';

const FIXTURES = join(appRoot(), 'fixtures', 'killercoda');
let root: string;

beforeAll(async () => {
  root = await mkdtemp(join(tmpdir(), 'kubelab-import-'));
});

async function failure(promise: Promise<unknown>): Promise<LabError> {
  try {
    await promise;
  } catch (error) {
    if (error instanceof LabError) return error;
    throw error;
  }
  throw new Error('it did not fail');
}

function noteLines(notes: { kind: string; where: string; message: string }[]): string[] {
  return notes.map((n) => `${n.kind} ${n.where}: ${n.message}`);
}

describe('importKillercoda on the fixtures', () => {
  it('imports configmap-files into a folder that lints without a single problem', async () => {
    const out = join(root, 'configmap-files');
    const result = await importKillercoda(join(FIXTURES, 'configmap-files'), out);
    expect(result).toMatchObject({
      id: 'configmap-files',
      steps: 2,
      nodes: 1,
      images: ['busybox'],
    });
    expect((await lintScenarioFolder(out)).map(formatProblem)).toEqual([]);
    expect((await readdir(out)).sort()).toEqual(
      [
        'IMPORT-REPORT.md',
        'assets',
        'finish.md',
        'intro.md',
        'scenario.yaml',
        'steps',
        'verify',
      ].sort(),
    );
    const loaded = await loadScenario(out);
    if (!loaded.ok) throw new Error('does not load');
    const { scenario } = loaded.loaded;
    expect(scenario.setup).toEqual([
      {
        run: '#!/bin/bash\n# Runs while the intro is shown: the namespace the steps work in.\nkubectl create namespace config-demo --dry-run=client -o yaml | kubectl apply -f -\n',
      },
    ]);
    expect(scenario.steps.map((s) => s.solve)).toEqual([
      [
        { run: 'cat /home/learner/app.properties' },
        {
          run: 'kubectl -n config-demo create configmap app-config --from-file=/home/learner/app.properties',
        },
        { run: 'kubectl -n config-demo describe configmap app-config' },
      ],
      [
        { run: 'cat reader-pod.yaml\nkubectl apply -f reader-pod.yaml' },
        { run: 'kubectl -n config-demo wait --for=condition=Ready pod/reader --timeout=90s' },
      ],
    ]);
    expect(noteLines(result.notes)).toEqual([
      'unmapped index.json: interface: Killercoda’s layout of the page (kubelab’s is fixed: text beside one terminal per node): not imported',
      'changed intro.md: /root → /home/learner',
      'changed index.json: details.assets.host01[0]: target /root → ~/',
      'changed index.json: details.assets.host01[1]: target /root → ~/',
      'changed index.json: details.assets.host01[2]: chmod "+x" became mode "0755" (readable by all, executable)',
      'changed step1/text.md: /root → /home/learner (2×)',
      'review step1/text.md: solve: `kubectl -n config-demo create configmap app-config --from-file=/home/learner/app.properties` fails when "show me" runs after the learner did it: use `kubectl apply`, or `kubectl create … --dry-run=client -o yaml | kubectl apply -f -`',
      'assumed step1/text.md: 1 copy-only block(s) or command(s) are shown, not run by the solve',
      'assumed step2/text.md: 2 copy-only block(s) or command(s) are shown, not run by the solve',
      'assumed index.json: difficulty: not given: level beginner',
      'assumed index.json: time: not given: 10 (5 per step)',
    ]);
    const report = await readFile(join(out, REPORT_FILE), 'utf8');
    expect(report).toBe(result.report);
    expect(report).toContain(
      '## Not imported (no kubelab equivalent)\n\n- `index.json: interface`: ',
    );
  });

  it('imports pods-on-both-nodes (two nodes, a foreground script) into a folder that lints clean', async () => {
    const out = join(root, 'pods-on-both-nodes');
    const result = await importKillercoda(join(FIXTURES, 'pods-on-both-nodes'), out);
    expect(result).toMatchObject({
      id: 'pods-on-both-nodes',
      steps: 2,
      nodes: 2,
      images: ['nginx'],
    });
    expect((await lintScenarioFolder(out)).map(formatProblem)).toEqual([]);
    const loaded = await loadScenario(out);
    if (!loaded.ok) throw new Error('does not load');
    const { scenario } = loaded.loaded;
    expect(scenario.files).toEqual([
      { source: 'assets/two-pods.yaml', to: '~/', node: 'control-plane' },
      { source: 'assets/node-note.txt', to: '~/', node: 'worker1', mode: '0644' },
    ]);
    expect(scenario.steps[1]?.solve).toEqual([
      { run: 'ls /var/log/pods\ncat /home/learner/node-note.txt', node: 'worker1' },
      {
        run: `curl -s "http://$(kubectl get pod web-node -o jsonpath='{.status.podIP}')/" > /home/learner/node01-answer.html`,
      },
      { run: 'head -n 4 /home/learner/node01-answer.html' },
    ]);
    expect(await readFile(join(out, 'verify/01-one-pod-per-node.sh'), 'utf8')).toContain(
      `[ "$(kubectl get pod web-node -o jsonpath='{.spec.nodeName}')" = worker1 ] || exit 1`,
    );
    expect(noteLines(result.notes)).toEqual([
      "unmapped foreground.sh: a foreground script runs in the learner's terminal when the intro page opens; kubelab has no equivalent: not imported",
      'changed intro.md: controlplane → control-plane, node01 → worker1 (2×)',
      'unmapped finish.md:4: {{TRAFFIC_HOST1_80}} is a Killercoda placeholder kubelab does not fill in (left in the text as written)',
      'changed index.json: details.assets.host01[0]: target /root → ~/',
      'changed assets/two-pods.yaml: controlplane → control-plane, node01 → worker1',
      'changed index.json: details.assets.node01[0]: target /root → ~/',
      'changed assets/node-note.txt: node01 → worker1',
      'changed index.json: details.steps[1].title: node01 → worker1',
      'changed step1/text.md: /root → /home/learner (3×), controlplane → control-plane, node01 → worker1',
      'changed step1/verify.sh: controlplane → control-plane, node01 → worker1',
      'review step2/text.md:17: {{exec interrupt}}: Killercoda pressed Ctrl+C first; the block now says so in a comment, and the command before it is left out of the solve (it ran until stopped)',
      'changed step2/text.md: node01 → worker1 (2×), /root → /home/learner (3×)',
      'changed step2/verify.sh: /root → /home/learner, node01 → worker1',
      'review step2/text.md:11: `kubectl get pods -o wide -w` runs until the next block stops it: left out of the solve',
      'assumed index.json: difficulty: not given: level beginner',
      'assumed index.json: time: not given: 10 (5 per step)',
    ]);
  });
});

describe('importKillercoda refuses', () => {
  it('to write over an existing folder', async () => {
    const out = join(root, 'taken');
    await mkdir(out);
    const error = await failure(importKillercoda(join(FIXTURES, 'configmap-files'), out));
    expect(error.code).toBe('FOLDER_EXISTS');
    expect(error.fix).toBe(`Pick another name, or move ${out} away first.`);
  });

  it('an output folder whose name is no scenario id', async () => {
    const error = await failure(
      importKillercoda(join(FIXTURES, 'configmap-files'), join(root, 'Not_Kebab')),
    );
    expect(error.code).toBe('BAD_SCENARIO_ID');
    expect(error.fix).toMatch(/kebab|hyphens/);
  });

  it('a folder without index.json, and a step text that is missing', async () => {
    const empty = await mkdtemp(join(root, 'empty-'));
    expect((await failure(importKillercoda(empty, join(root, 'x')))).code).toBe('NOT_KILLERCODA');
    const broken = await mkdtemp(join(root, 'broken-'));
    await writeFile(
      join(broken, 'index.json'),
      JSON.stringify({ title: 'T', details: { steps: [{ title: 'S', text: 'gone.md' }] } }),
    );
    const error = await failure(importKillercoda(broken, join(root, 'y')));
    expect(error.code).toBe('NOT_KILLERCODA');
    expect(error.message).toBe(
      'Step 1 ("S") names the text gone.md, which the folder does not have.',
    );
    await expect(readdir(join(root, 'y'))).rejects.toThrow();
  });
});

describe('defaultOut', () => {
  it('is a kebab-case folder in the current one, after the Killercoda folder', () => {
    expect(defaultOut('/x/My Scenario_2', '/work')).toBe('/work/my-scenario-2');
  });
});
