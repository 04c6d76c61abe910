// Test fixtures: a minimal valid scenario written to a temporary folder, which tests then break
// in one precise way.
import { mkdtemp, mkdir, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';

export const VALID_SCENARIO_YAML = `id: demo
title: Demo
summary: A tiny scenario.
level: beginner
minutes: 5
nodes: 1
images: [nginx:latest]
seed: seed.txt
steps:
  - id: create-pod
    title: Create a pod
    text: steps/01-create-pod.md
    files: [manifests/pod.yaml]
    checks:
      - type: ready
        kind: Pod
        name: web
    hints: [Use kubectl create.]
    solve:
      - run: kubectl apply -f pod.yaml
  - id: cleanup
    title: Clean up
    text: steps/02-cleanup.md
    checks:
      - type: exists
        kind: Pod
        name: web
        absent: true
    hints: [Delete the pod.]
    solve:
      - run: kubectl delete pod web
`;

export const VALID_POD_YAML = `apiVersion: v1
kind: Pod
metadata:
  name: web
spec:
  containers:
    - name: web
      image: nginx
`;

export const VALID_FILES: Readonly<Record<string, string>> = {
  'scenario.yaml': VALID_SCENARIO_YAML,
  'steps/01-create-pod.md': 'Create it:\n\n```bash\nkubectl create -f pod.yaml\n```\n',
  'steps/02-cleanup.md': 'Delete it:\n\n```bash\nkubectl delete pod web\n```\n',
  'manifests/pod.yaml': VALID_POD_YAML,
};

/** Writes a scenario folder named `id` under a fresh temporary root; returns the folder. */
export async function writeScenario(
  files: Readonly<Record<string, string | undefined>>,
  id = 'demo',
  root?: string,
): Promise<string> {
  const base = root ?? (await mkdtemp(join(tmpdir(), 'kubelab-scenario-')));
  const dir = join(base, id);
  for (const [path, content] of Object.entries(files)) {
    if (content === undefined) continue;
    await mkdir(dirname(join(dir, path)), { recursive: true });
    await writeFile(join(dir, path), content);
  }
  return dir;
}

/** The valid scenario with its scenario.yaml edited by `edit`. */
export function withScenarioYaml(edit: (yaml: string) => string): Record<string, string> {
  return { ...VALID_FILES, 'scenario.yaml': edit(VALID_SCENARIO_YAML) };
}
