import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it, vi } from 'vitest';
import { recordAddedImages } from '../images/added.ts';
import { VALID_FILES, withScenarioYaml, writeScenario } from './fixture.ts';
import { lintScenarioFolder } from './lint.ts';
import { formatProblem } from './problems.ts';

async function lint(files: Record<string, string | undefined>): Promise<string[]> {
  const dir = await writeScenario(files);
  return (await lintScenarioFolder(dir)).map((p) => formatProblem(p).split(dir).join('DIR'));
}

const DEPLOYMENT_WITHOUT_TEMPLATE_LABELS = `apiVersion: apps/v1
kind: Deployment
metadata:
  name: web
spec:
  selector:
    matchLabels:
      app: web
  template:
    spec:
      containers:
        - name: web
          image: nginx
`;

describe('lintScenarioFolder', () => {
  it('finds nothing wrong with a good scenario', async () => {
    expect(await lint(VALID_FILES)).toEqual([]);
  });

  it('returns the loader problems for a scenario that does not load', async () => {
    const problems = await lint(
      withScenarioYaml((yaml) => yaml.replace('type: exists', 'type: nope')),
    );
    expect(problems).toEqual([
      'DIR/scenario.yaml:25:15: steps[1].checks[0].type: unknown check type "nope" (expected one of: exists, field, count, ready, ordered, exec, http, dns, file, trace)',
    ]);
  });

  it('reports a manifest whose lost "metadata:" line broke the YAML', async () => {
    const problems = await lint({
      ...VALID_FILES,
      'manifests/pod.yaml': 'apiVersion: v1\nkind: Pod\n  name: web\nspec: {}\n',
    });
    expect(problems).toEqual([
      'DIR/manifests/pod.yaml:2:7: Nested mappings are not allowed in compact mappings',
    ]);
  });

  it('reports manifests missing their name, containers or matching labels', async () => {
    const problems = await lint({
      ...VALID_FILES,
      'manifests/pod.yaml': `apiVersion: v1\nkind: Pod\nspec:\n  containers: []\n---\n${DEPLOYMENT_WITHOUT_TEMPLATE_LABELS}`,
    });
    expect(problems).toEqual([
      'DIR/manifests/pod.yaml:1:1: Pod/?: metadata.name is missing',
      'DIR/manifests/pod.yaml:1:1: Pod/?: the pod spec has no containers',
      'DIR/manifests/pod.yaml:6:1: Deployment/web: the pod template lacks the label app=web that spec.selector wants',
    ]);
  });

  it('reports images the scenario does not declare or the lab does not serve', async () => {
    const problems = await lint({
      ...withScenarioYaml((yaml) =>
        yaml.replace('images: [nginx:latest]', 'images: [nginx:latest, redis:7]'),
      ),
      'manifests/pod.yaml': VALID_POD_WITH_IMAGE('httpd'),
    });
    expect(problems).toEqual([
      `DIR/manifests/pod.yaml: image "httpd" is used here but not listed in the scenario's images (or brokenImages, for one a troubleshooting step breaks on purpose)`,
      'DIR/scenario.yaml: images[1]: "redis:7" is not an image the lab serves (pods cannot pull anything else; an image of your own: kubelab images add redis:7)',
    ]);
  });

  it("accepts an image added on this machine, and says it is not one of kubelab's own", async () => {
    const home = await mkdtemp(join(tmpdir(), 'kubelab-lint-home-'));
    vi.stubEnv('KUBELAB_HOME', home);
    try {
      await recordAddedImages([
        {
          name: 'docker.io/library/redis:7',
          host: 'docker.io',
          path: 'library/redis',
          tag: '7',
          digest: 'sha256:0',
          source: 'redis:7',
          addedAt: '2026-12-03T00:00:00Z',
        },
      ]);
      const problems = await lint(
        withScenarioYaml((yaml) =>
          yaml.replace('images: [nginx:latest]', 'images: [nginx:latest, redis:7]'),
        ),
      );
      expect(problems).toEqual([
        'DIR/scenario.yaml: warning: images[1]: "redis:7" is not one of kubelab\'s own images: it was added on this machine (kubelab images add), so it runs here, and a learner\'s machine needs it added too',
      ]);
    } finally {
      vi.unstubAllEnvs();
      await rm(home, { recursive: true, force: true });
    }
  });

  it('requires the cleanup step at the end', async () => {
    const problems = await lint(
      withScenarioYaml((yaml) => yaml.replace('id: cleanup', 'id: tidy-up')),
    );
    expect(problems).toEqual([
      'DIR/scenario.yaml: steps[1].id: the last step must be the cleanup step (id: cleanup)',
    ]);
  });

  it('asks no cleanup step of a scenario without a seed (an instructor’s or an imported one)', async () => {
    const problems = await lint(
      withScenarioYaml((yaml) =>
        yaml.replace('seed: seed.txt\n', '').replace('id: cleanup', 'id: tidy-up'),
      ),
    );
    expect(problems).toEqual([]);
  });

  it('reports a solve command using a manifest no step copies', async () => {
    const problems = await lint(
      withScenarioYaml((yaml) =>
        yaml.replace('kubectl delete pod web', 'kubectl delete -f other.yaml'),
      ),
    );
    expect(problems).toEqual([
      'DIR/scenario.yaml: steps[1].solve[0].run: uses other.yaml, which no step up to this one copies (files:)',
    ]);
  });

  it('warns about missing hints, texts without commands and stray files', async () => {
    const problems = await lint({
      ...withScenarioYaml((yaml) => yaml.replace('    hints: [Delete the pod.]\n', '')),
      'steps/02-cleanup.md': 'Delete the pod.\n',
      'notes.txt': 'scratch',
    });
    expect(problems).toEqual([
      'DIR/scenario.yaml: warning: steps[1].hints: no hints',
      'DIR/steps/02-cleanup.md: warning: no fenced code block: show the learner the exact commands',
      'DIR/notes.txt: warning: not referenced by scenario.yaml',
    ]);
  });
});

function VALID_POD_WITH_IMAGE(image: string): string {
  return VALID_FILES['manifests/pod.yaml']!.replace('image: nginx', `image: ${image}`);
}
