// `kubelab scenarios new ID`: the smallest scenario that lints clean and verifies on a lab — one
// step that starts a pod — with a one-line comment on every field of scenario.yaml, so an author
// edits a working example instead of starting from the format's reference.
import { join } from 'node:path';
import { SCENARIO_FILE } from './load.ts';
import { checkScenarioId, writeNewFolder } from './write-folder.ts';

const STEP_TEXT = 'steps/01-start-a-pod.md';

/** `my-first-scenario` → `My first scenario`. */
function titleOf(id: string): string {
  const words = id.split('-').join(' ');
  return words.charAt(0).toUpperCase() + words.slice(1);
}

/** Lines of YAML with their comments, lined up in one column (a longer line just gets two spaces). */
function commented(lines: readonly (readonly [string, string])[]): string {
  const column = 36;
  return lines
    .map(([code, comment]) => (comment ? `${code.padEnd(column - 2)}  # ${comment}` : code))
    .join('\n');
}

export function scaffoldYaml(id: string): string {
  const header = [
    '# A kubelab scenario. Every field is explained in scenarios/README.md (exact: main/scenarios/schema.ts).',
    `# From the folder above this one: \`kubelab scenarios lint ${id}\` checks it, and`,
    `# \`kubelab verify ${id} --scenarios-dir .\` replays its steps on a lab of their own.`,
  ];
  const body = commented([
    [`id: ${id}`, "kebab-case, the same as the folder's name"],
    [`title: ${titleOf(id)}`, 'shown in the scenario list'],
    ['summary: Start a pod and watch it become ready.', 'one or two sentences under the title'],
    ['level: beginner', 'beginner, intermediate or advanced'],
    ['minutes: 5', 'rough time to complete'],
    ['nodes: 1', 'cluster size 1–3: control-plane, then worker1, worker2'],
    ['images: [nginx]', "every image its pods use; only the lab's (README: Writing a scenario)"],
    [
      '# intro: intro.md',
      'optional pages: intro above the steps, finish: finish.md after the last',
    ],
    ['steps:', 'in order; the learner checks each one'],
    ['  - id: start-a-pod', 'kebab-case, unique in the scenario'],
    ['    title: Start a pod', 'short, shown in the step list'],
    [`    text: ${STEP_TEXT}`, "the step's Markdown, relative to this folder"],
    [
      '    # files: [pod.yaml]',
      "files of this folder placed in the learner's home when the step opens",
    ],
    ['    # setup: []', 'hidden actions that prepare the step (README: Setup)'],
    ['    checks:', 'the step is done when every check passes (README: Checks)'],
    ['      - type: ready', 'the object exists and has converged (a pod: Ready)'],
    ['        kind: Pod', 'as written in manifests'],
    ['        name: web', 'the object’s name (namespace: default unless given)'],
    [
      '        description: The pod web is running and ready.',
      'what is expected, shown to the learner',
    ],
    ['    hints:', 'tips revealed one at a time'],
    ['      - "`kubectl run web --image=nginx` starts it."', ''],
    ['    solve:', 'what "show me" and `kubelab verify` run; safe to run twice'],
    [
      '      - run: kubectl run web --image=nginx --dry-run=client -o yaml | kubectl apply -f -',
      'bash in /home/learner on control-plane',
    ],
    ['      - wait: {type: ready, kind: Pod, name: web}', 'until the check passes'],
  ]);
  return `${header.join('\n')}\n${body}\n`;
}

export const SCAFFOLD_STEP_TEXT = `Start a pod called \`web\` from the nginx image:

\`\`\`bash
kubectl run web --image=nginx
\`\`\`

Watch it become ready (press Ctrl+C when the READY column says 1/1):

\`\`\`bash
kubectl get pod web --watch
\`\`\`
`;

/** Writes DIR/ID with scenario.yaml and the step's text; returns the new folder. */
export async function scaffoldScenario(
  id: string,
  parent: string,
): Promise<{ dir: string; files: string[] }> {
  checkScenarioId(id);
  const dir = join(parent, id);
  const files = new Map([
    [SCENARIO_FILE, scaffoldYaml(id)],
    [STEP_TEXT, SCAFFOLD_STEP_TEXT],
  ]);
  await writeNewFolder(dir, files);
  return { dir, files: [...files.keys()] };
}
