// The format's setup, placed files, intro/finish pages and brokenImages: what loads, what lint
// says, and where each file lands.
import { describe, expect, it } from 'vitest';
import { VALID_FILES, withScenarioYaml, writeScenario } from './fixture.ts';
import { lintScenarioFolder } from './lint.ts';
import { loadScenario } from './load.ts';
import { placementOf, samePlace } from './placement.ts';
import { formatProblem } from './problems.ts';

async function lint(files: Record<string, string | undefined>): Promise<string[]> {
  const dir = await writeScenario(files);
  return (await lintScenarioFolder(dir)).map((p) => formatProblem(p).split(dir).join('DIR'));
}

const BROKEN_DEPLOYMENT = `apiVersion: apps/v1
kind: Deployment
metadata:
  name: web
spec:
  selector:
    matchLabels: {app: web}
  template:
    metadata:
      labels: {app: web}
    spec:
      containers:
        - name: web
          image: nginx:0.0-missing
`;

/** The valid scenario with a troubleshooting first step: setup applies a broken Deployment. */
function withSetup(extra = ''): Record<string, string> {
  return {
    ...withScenarioYaml((yaml) =>
      yaml
        .replace(
          'images: [nginx:latest]',
          `images: [nginx:latest]\nbrokenImages: [nginx:0.0-missing]\nintro: intro.md\nfinish: finish.md${extra}`,
        )
        .replace(
          '    files: [manifests/pod.yaml]\n',
          `    files:
      - manifests/pod.yaml
      - {source: scripts/probe.sh, to: /usr/local/bin/, node: control-plane, mode: "0755"}
    setup:
      - apply: setup/broken.yaml
      - run: kubectl get deploy web
      - wait: {type: exists, kind: Deployment, name: web}
`,
        ),
    ),
    'setup/broken.yaml': BROKEN_DEPLOYMENT,
    'scripts/probe.sh': '#!/bin/sh\necho probe\n',
    'intro.md': 'Welcome.\n',
    'finish.md': 'Well done.\n',
  };
}

describe('placementOf', () => {
  it('puts a bare path in the learner home on every node', () => {
    expect(placementOf('manifests/pod.yaml')).toEqual({
      source: 'manifests/pod.yaml',
      path: '/home/learner/pod.yaml',
      node: null,
      mode: null,
    });
  });

  it('reads ~/, a trailing slash, a node and a mode', () => {
    expect(placementOf({ source: 'a/b.sh', to: '~/bin/', mode: '0755' }).path).toBe(
      '/home/learner/bin/b.sh',
    );
    expect(placementOf({ source: 'a/b.conf', to: '/etc/x/c.conf', node: 'worker1' })).toEqual({
      source: 'a/b.conf',
      path: '/etc/x/c.conf',
      node: 'worker1',
      mode: null,
    });
  });

  it('sees a clash only where both can land on the same node', () => {
    const a = placementOf({ source: 'a', to: '/etc/a', node: 'worker1' });
    expect(samePlace(a, placementOf({ source: 'b', to: '/etc/a', node: 'worker2' }))).toBe(false);
    expect(samePlace(a, placementOf({ source: 'b', to: '/etc/a' }))).toBe(true);
  });
});

describe('setup, placed files and pages', () => {
  it('loads them and lint finds nothing wrong', async () => {
    const dir = await writeScenario(withSetup());
    const result = await loadScenario(dir);
    expect(result.ok).toBe(true);
    if (!result.ok) return;
    expect(result.loaded.pages).toEqual({ intro: 'Welcome.\n', finish: 'Well done.\n' });
    expect(result.loaded.scenario.steps[0]?.setup).toHaveLength(3);
    expect(await lint(withSetup())).toEqual([]);
  });

  it('reports a missing intro page and a missing applied manifest where scenario.yaml names them', async () => {
    const problems = await lint({
      ...withSetup(),
      'intro.md': undefined,
      'setup/broken.yaml': undefined,
    });
    expect(problems).toEqual([
      'DIR/scenario.yaml:9:8: intro: intro page "intro.md" does not exist in DIR',
      'DIR/scenario.yaml:20:16: steps[0].setup[0].apply: file "setup/broken.yaml" does not exist in DIR',
    ]);
  });

  it('refuses a file that is not text', async () => {
    const problems = await lint({ ...withSetup(), 'scripts/probe.sh': 'a\u0000b' });
    expect(problems).toEqual([
      'DIR/scenario.yaml:18:9: steps[0].files[1]: "scripts/probe.sh" is not a UTF-8 text file (only text files are placed on nodes)',
    ]);
  });

  it('checks applied manifests like handed-out ones, images included', async () => {
    const problems = await lint({
      ...withSetup(),
      'setup/broken.yaml': BROKEN_DEPLOYMENT.replace('nginx:0.0-missing', 'redis:9'),
    });
    expect(problems).toEqual([
      `DIR/setup/broken.yaml: image "redis:9" is used here but not listed in the scenario's images (or brokenImages, for one a troubleshooting step breaks on purpose)`,
    ]);
  });

  it('refuses a broken image the lab can pull after all', async () => {
    const files = withSetup();
    files['scenario.yaml'] = files['scenario.yaml']!.replace(
      'brokenImages: [nginx:0.0-missing]',
      'brokenImages: [nginx:0.0-missing, nginx:latest]',
    );
    expect(await lint(files)).toEqual([
      'DIR/scenario.yaml: brokenImages[1]: "nginx:latest" is an image the lab serves: pods would pull it fine (list it in images)',
    ]);
  });

  it('refuses a setup or a placed file on a node the scenario does not have', async () => {
    const files = withSetup();
    files['scenario.yaml'] = files['scenario.yaml']!.replace(
      'node: control-plane',
      'node: worker1',
    ).replace(
      '      - run: kubectl get deploy web',
      '      - run: kubectl get deploy web\n        node: worker2',
    );
    const problems = await lint(files);
    expect(problems).toEqual([
      'DIR/scenario.yaml:22:15: steps[0].setup[1].node: node "worker2" is not in this 1-node scenario (nodes: control-plane)',
      'DIR/scenario.yaml:18:63: steps[0].files[1].node: node "worker1" is not in this 1-node scenario (nodes: control-plane)',
    ]);
  });

  it('says which setup action forms exist', async () => {
    const files = withSetup();
    files['scenario.yaml'] = files['scenario.yaml']!.replace(
      '- apply: setup/broken.yaml',
      '- create: x',
    );
    const [problem] = await lint(files);
    expect(problem).toContain('must be {run: COMMAND, node?}, {apply: FILE.yaml, namespace?}');
  });
});

describe('VALID_FILES', () => {
  it('has no setup, pages or placed files (the defaults)', async () => {
    const result = await loadScenario(await writeScenario(VALID_FILES));
    expect(result.ok && result.loaded.pages).toEqual({ intro: null, finish: null });
    expect(result.ok && result.loaded.scenario.setup).toEqual([]);
  });
});
