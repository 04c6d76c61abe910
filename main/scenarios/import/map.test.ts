import { describe, expect, it } from 'vitest';
import { ScenarioSchema } from '../schema.ts';
import { parseIndex } from './index-json.ts';
import type { ImportPlan } from './map.ts';
import { kebab, mapKillercoda } from './map.ts';
import type { KillercodaFolder } from './read.ts';
import { namedPaths } from './read.ts';

const fence = '```';

/** A Killercoda folder in memory: index.json as an object, files by path. */
function folder(index: object, files: Record<string, string | Buffer>): KillercodaFolder {
  const { index: parsed, raw } = parseIndex(JSON.stringify(index), 'index.json');
  const map = new Map(Object.entries(files).map(([path, content]) => [path, Buffer.from(content)]));
  const assets = [...map.keys()].filter((p) => p.startsWith('assets/')).map((p) => p.slice(7));
  return { dir: 'kc', index: parsed, raw, files: map, assets };
}

function notes(plan: ImportPlan, kind?: string): string[] {
  return plan.notes
    .filter((n) => kind === undefined || n.kind === kind)
    .map((n) => `${kind === undefined ? `${n.kind} ` : ''}${n.where}: ${n.message}`);
}

const ONE_STEP = {
  title: 'Pods',
  description: 'Make a pod.',
  details: { steps: [{ title: 'Make it', text: 'step1/text.md', verify: 'step1/verify.sh' }] },
  backend: { imageid: 'kubernetes-kubeadm-1node' },
};
const ONE_STEP_FILES = {
  'step1/text.md': `Make it:\n\n${fence}\nkubectl run web --image=nginx\n${fence}{{exec}}\n`,
  'step1/verify.sh': '#!/bin/bash\nkubectl get pod web\n',
};

describe('mapKillercoda', () => {
  it('maps index.json’s parts onto scenario.yaml’s fields', () => {
    const plan = mapKillercoda(
      folder(
        {
          ...ONE_STEP,
          difficulty: 'Intermediate',
          time: '20 minutes',
          details: {
            ...ONE_STEP.details,
            intro: { text: 'intro.md', background: 'setup.sh' },
            finish: { text: 'finish.md' },
            assets: { host01: [{ file: 'web.yaml', target: '/root' }] },
          },
          backend: { imageid: 'kubernetes-kubeadm-2nodes' },
        },
        {
          ...ONE_STEP_FILES,
          'intro.md': 'Hello.\n',
          'finish.md': 'Bye.\n',
          'setup.sh': 'kubectl apply -f /root/web.yaml\n',
          'assets/web.yaml':
            'apiVersion: v1\nkind: Pod\nmetadata:\n  name: x\nspec:\n  containers:\n    - name: x\n      image: httpd\n',
        },
      ),
      'pods',
    );
    expect(plan.scenario).toEqual({
      id: 'pods',
      title: 'Pods',
      summary: 'Make a pod.',
      level: 'intermediate',
      minutes: 20,
      nodes: 2,
      images: ['httpd', 'nginx'],
      intro: 'intro.md',
      finish: 'finish.md',
      files: [{ source: 'assets/web.yaml', to: '~/', node: 'control-plane' }],
      setup: [{ run: 'kubectl apply -f /home/learner/web.yaml\n' }],
      steps: [
        {
          id: 'make-it',
          title: 'Make it',
          text: 'steps/01-make-it.md',
          files: [
            {
              source: 'verify/01-make-it.sh',
              to: '/opt/killercoda/verify/01-make-it.sh',
              node: 'control-plane',
              mode: '0755',
            },
          ],
          checks: [
            {
              type: 'exec',
              in: { node: 'control-plane' },
              command: '/opt/killercoda/verify/01-make-it.sh',
              description: "The step's Killercoda check (step1/verify.sh) passes.",
            },
          ],
          hints: [
            'The check runs `/opt/killercoda/verify/01-make-it.sh` on control-plane: `cat` it to see what it tests.',
          ],
          solve: [{ run: 'kubectl run web --image=nginx' }],
        },
      ],
    });
    expect([...plan.outputs.keys()]).toEqual([
      'intro.md',
      'finish.md',
      'assets/web.yaml',
      'steps/01-make-it.md',
      'verify/01-make-it.sh',
    ]);
    expect(plan.outputs.get('steps/01-make-it.md')).toBe(
      `Make it:\n\n${fence}bash\nkubectl run web --image=nginx\n${fence}\n`,
    );
    expect(ScenarioSchema.safeParse(plan.scenario).error).toBeUndefined();
  });

  it('fills in what Killercoda does not say, and says so', () => {
    const plan = mapKillercoda(
      folder(
        { title: 'T', details: { steps: [{ title: 'Read', text: 's.md' }] } },
        { 's.md': 'Just read.\n' },
      ),
      't',
    );
    expect(plan.scenario).toMatchObject({
      summary: 'T',
      level: 'beginner',
      minutes: 5,
      nodes: 1,
      images: [],
      steps: [
        {
          id: 'read',
          changesState: false,
          checks: [{ type: 'exec', in: { node: 'control-plane' }, command: 'true' }],
          solve: [{ run: 'true' }],
        },
      ],
    });
    expect(notes(plan)).toEqual([
      'assumed index.json: details.steps[0]: no verify script: the step only asks to be read, so its check always passes',
      'assumed index.json: description: not given: the summary repeats the title',
      'assumed index.json: difficulty: not given: level beginner',
      'assumed index.json: time: not given: 5 (5 per step)',
      'assumed index.json: backend.imageid: no backend image named: a 1-node cluster',
    ]);
  });

  it('builds the solve from the commands that end, and says what it left out', () => {
    const text = [
      `${fence}\nkubectl apply -f web.yaml\n${fence}{{exec}}`,
      `${fence}\nkubectl logs web -f\n${fence}{{exec}}`,
      `${fence}\nkubectl get pods -w\n${fence}{{exec}}`,
      `${fence}\ncurl web\n${fence}{{exec interrupt}}`,
      `${fence}\nkubectl delete pod web\n${fence}{{copy}}`,
      `${fence}\nls\n${fence}{{execute HOST2}}`,
    ].join('\n\n');
    const plan = mapKillercoda(
      folder(ONE_STEP, { ...ONE_STEP_FILES, 'step1/text.md': text }),
      'pods',
    );
    expect(plan.scenario.steps[0]?.solve).toEqual([
      { run: 'kubectl apply -f web.yaml' },
      { run: 'curl web' },
      { run: 'ls', node: 'worker1' },
    ]);
    expect(plan.scenario.nodes).toBe(2);
    expect(notes(plan, 'review')).toEqual([
      'step1/text.md:13: {{exec interrupt}}: Killercoda pressed Ctrl+C first; the block now says so in a comment, and the command before it is left out of the solve (it ran until stopped)',
      'step1/text.md:5: `kubectl logs web -f` runs until stopped (watch, follow, port-forward): left out of the solve',
      'step1/text.md:9: `kubectl get pods -w` runs until the next block stops it: left out of the solve',
    ]);
    expect(notes(plan, 'assumed')).toContain(
      'index.json: backend.imageid: files or commands use 2 nodes: the cluster gets 2',
    );
  });

  it('gives a step with a check but no run block a solve that fails with a message', () => {
    const plan = mapKillercoda(
      folder(ONE_STEP, { ...ONE_STEP_FILES, 'step1/text.md': 'Do it yourself.\n' }),
      'pods',
    );
    expect(plan.scenario.steps[0]?.solve).toEqual([
      {
        run: "echo 'This imported step has no solution yet: write its solve in scenario.yaml.' >&2; exit 1",
      },
    ]);
    expect(notes(plan, 'review')).toEqual([
      'step1/text.md: no run block to build a solve from: "show me" and `kubelab verify` fail with a message until you write the step\'s solve',
    ]);
  });

  it('escapes live-value look-alikes in texts and keeps {{ in scripts, which nothing scans', () => {
    const plan = mapKillercoda(
      folder(ONE_STEP, {
        'step1/text.md': 'Not ours: {{pod:web.ip}} and {{.Name}}.\n',
        'step1/verify.sh': `kubectl get pods -o go-template='{{range .items}}{{.metadata.name}}{{end}}' | grep -q web\n`,
      }),
      'pods',
    );
    expect(plan.outputs.get('steps/01-make-it.md')).toBe(
      'Not ours: {\\{pod:web.ip}} and {{.Name}}.\n',
    );
    expect(plan.outputs.get('verify/01-make-it.sh')).toContain(
      "'{{range .items}}{{.metadata.name}}{{end}}'",
    );
    // No shebang: bash runs it, as on Killercoda; the check's Templated command holds no {{.
    expect(plan.scenario.steps[0]?.checks[0]).toMatchObject({
      command: 'bash /opt/killercoda/verify/01-make-it.sh',
    });
    expect(ScenarioSchema.safeParse(plan.scenario).error).toBeUndefined();
    expect(notes(plan, 'changed')).toEqual([
      'step1/text.md: 1 "{{pod:"-, "{{service:"- or "{{node:"-shaped text(s) escaped as "{\\{" so they are not read as kubelab live values (inside code blocks the backslash shows)',
    ]);
  });

  it('reports every piece it could not map', () => {
    const plan = mapKillercoda(
      folder(
        {
          title: 'Everything',
          description: 'd',
          difficulty: 'easy',
          time: '5 minutes',
          interface: { layout: 'ide' },
          details: {
            intro: { text: 'intro.md', foreground: 'intro-fg.sh' },
            steps: [
              {
                title: 'One',
                text: 'step1/text.md',
                verify: 'step1/verify.sh',
                background: 'step1/bg.sh',
                foreground: 'step1/fg.sh',
                answer: 'a.md',
              },
            ],
            finish: { text: 'finish.md', background: 'finish-bg.sh' },
            assets: {
              host01: [
                { file: 'pod.yaml', target: '/root' },
                { file: 'logo.png', target: '/root' },
                { file: 'x.sh', target: '/root', chmod: 'u=rwx' },
              ],
              node09: [{ file: 'pod.yaml', target: '/root' }],
            },
          },
          backend: { imageid: 'kubernetes-kubeadm-1node' },
        },
        {
          'intro.md': 'Open [the app]({{TRAFFIC_HOST1_80}}).\n',
          'step1/text.md': `${fence}\napt-get install -y jq\nssh node01 hostname\n${fence}{{exec}}\n\nEdit \`pod.yaml\`{{open}}.\n`,
          'step1/verify.sh': 'curl -s https://example.com | grep -q Example\n',
          'step1/bg.sh': 'kubectl create namespace demo\n',
          'finish.md': 'Done.\n',
          'assets/pod.yaml':
            'apiVersion: v1\nkind: Pod\nmetadata:\n  name: x\nspec:\n  containers:\n    - name: x\n      image: redis:7\n',
          'assets/logo.png': Buffer.from([0x89, 0x00]),
          'assets/x.sh': 'echo hi\n',
        },
      ),
      'everything',
    );
    expect(notes(plan, 'unmapped')).toEqual([
      'index.json: interface: Killercoda’s layout of the page (kubelab’s is fixed: text beside one terminal per node): not imported',
      'index.json: details.steps[0].answer: a separate answer page (the step’s solve is what "show me" runs): not imported',
      "intro-fg.sh: a foreground script runs in the learner's terminal when the intro page opens; kubelab has no equivalent: not imported",
      'intro.md:1: {{TRAFFIC_HOST1_80}} is a Killercoda placeholder kubelab does not fill in (left in the text as written)',
      'finish-bg.sh: a background script of the finish page: kubelab runs nothing after the last step: not imported',
      'assets/logo.png: not a UTF-8 text file: kubelab places only text files on nodes',
      'index.json: details.assets.host01[2]: chmod "u=rwx" has no octal counterpart kubelab can set: the file keeps mode 0644',
      'index.json: details.assets.node09[0]: host "node09" has no kubelab node (control-plane, worker1, worker2): pod.yaml not imported',
      'step1/text.md:6: marker {{open}}: open: kubelab has no editor to open a file in',
      'step1/fg.sh: a foreground script runs in the learner’s terminal when the step opens; kubelab has no equivalent: not imported',
    ]);
    expect(notes(plan, 'review')).toEqual([
      'step1/text.md:1: `apt-get install -y jq` installs packages: the lab has no internet (pods and nodes)',
      "step1/text.md:1: `ssh worker1 hostname`: kubelab's nodes have no ssh between them; the learner uses worker1's own terminal (and solve actions name the node)",
      'step1/verify.sh:1: `curl -s https://example.com | grep -q Example` fetches from the internet: the lab has no internet (pods and nodes)',
      'step1/bg.sh:1: `kubectl create namespace demo` fails when the setup runs again (kubelab’s verify runs it twice): use `kubectl apply`, or `kubectl create … --dry-run=client -o yaml | kubectl apply -f -`',
      'assets/pod.yaml: image "redis:7" is not one the lab serves: pods cannot pull it (lint reports it). Use nginx, httpd, busybox, debian, python, curlimages/curl or ghost',
    ]);
    expect(plan.scenario).toMatchObject({ level: 'beginner', minutes: 5, images: ['redis:7'] });
  });

  it('gives steps unique kebab-case ids after their titles', () => {
    const steps = ['Create a Pod!', 'Create a pod', '???'].map((title) => ({
      title,
      text: 's.md',
    }));
    const plan = mapKillercoda(folder({ title: 'T', details: { steps } }, { 's.md': 'x\n' }), 't');
    expect(plan.scenario.steps.map((s) => s.id)).toEqual([
      'create-a-pod',
      'create-a-pod-2',
      'step-3',
    ]);
    expect(kebab('Ünïcode Tïtle', 'x')).toBe('unicode-title');
  });

  it('lists the paths index.json names, once each', () => {
    const { index } = parseIndex(
      JSON.stringify({
        title: 'T',
        details: {
          intro: { text: 'i.md', background: 'bg.sh' },
          steps: [
            { title: 'A', text: 'a.md', verify: 'v.sh' },
            { title: 'B', text: 'b.md', verify: 'v.sh', foreground: 'fg.sh' },
          ],
        },
      }),
      'index.json',
    );
    expect(namedPaths(index)).toEqual(['i.md', 'bg.sh', 'a.md', 'v.sh', 'b.md', 'fg.sh']);
  });
});
