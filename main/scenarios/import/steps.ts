// One Killercoda step as a kubelab step: its text, its verify.sh as an `exec` check (the script
// placed on the node it ran on, exit 0 = pass), its background.sh as hidden setup, and the
// commands its run blocks hold as the solve that "show me" and `kubelab verify` replay.
import { LabError } from '../../api/errors.ts';
import type { NodeName } from '../nodes.ts';
import type { ScenarioInput } from '../schema.ts';
import type { KillercodaStep } from './index-json.ts';
import type { ImportedCommand } from './markers.ts';
import type { NoteList } from './report.ts';
import { notIdempotent, runsUntilStopped } from './scan.ts';
import { importScript } from './scripts.ts';
import { importText } from './texts.ts';

export type StepInput = ScenarioInput['steps'][number];
type SolveInput = StepInput['solve'][number];

/** Where verify scripts live on the node: out of the learner's home, named after the step. */
export const VERIFY_DIR = '/opt/killercoda/verify';
/** Killercoda runs verify and background scripts on its first host. */
const SCRIPT_NODE: NodeName = 'control-plane';

export interface MappedStep {
  step: StepInput;
  /** Output files of the step (path in the kubelab folder → content). */
  outputs: Map<string, string>;
  /** Shell text the step runs or shows (scanned for images). */
  shell: string[];
}

/** Which commands become solve actions: those that end, in order, on their node. */
function solveActions(
  commands: readonly ImportedCommand[],
  file: string,
  notes: NoteList,
): SolveInput[] {
  const actions: SolveInput[] = [];
  commands.forEach((command, i) => {
    const say = notes.at(`${file}:${command.line}`);
    const first = command.command.trim().split('\n')[0] ?? '';
    if (commands[i + 1]?.interrupt) {
      say('review', `\`${first}\` runs until the next block stops it: left out of the solve`);
      return;
    }
    if (runsUntilStopped(command.command)) {
      say(
        'review',
        `\`${first}\` runs until stopped (watch, follow, port-forward): left out of the solve`,
      );
      return;
    }
    actions.push(
      command.node ? { run: command.command, node: command.node } : { run: command.command },
    );
  });
  for (const action of actions) {
    if (!('run' in action)) continue;
    for (const finding of notIdempotent(action.run, '"show me" runs after the learner did it')) {
      notes.add('review', file, `solve: ${finding.message}`);
    }
  }
  const keepsState = actions
    .slice(0, -1)
    .some((action) => 'run' in action && /^\s*(?:cd|export)\s/m.test(action.run));
  if (keepsState) {
    notes.add(
      'review',
      file,
      'a `cd` or `export` in one run block does not carry over to the next solve action (each runs in a fresh shell in /home/learner)',
    );
  }
  return actions;
}

function stepFile(index: number, id: string, ext: string, folder: string): string {
  return `${folder}/${String(index + 1).padStart(2, '0')}-${id}.${ext}`;
}

export function mapStep(
  source: KillercodaStep,
  index: number,
  id: string,
  files: ReadonlyMap<string, Buffer>,
  notes: NoteList,
): MappedStep {
  const outputs = new Map<string, string>();
  const textPath = stepFile(index, id, 'md', 'steps');
  const raw = files.get(source.text);
  if (raw === undefined) {
    throw new LabError(
      'NOT_KILLERCODA',
      `Step ${index + 1} ("${source.title}") names the text ${source.text}, which the folder does not have.`,
      {
        fix: 'Correct the step\'s "text" in index.json, or add the file, and import again.',
      },
    );
  }
  const text = importText(raw.toString('utf8'), source.text, notes);
  outputs.set(textPath, text.markdown);
  const step: StepInput = { id, title: source.title, text: textPath, checks: [], solve: [] };
  const shell = [...text.shell];

  const verify =
    source.verify === undefined ? null : importScript(files, source.verify, 'verify', notes);
  if (verify !== null && source.verify !== undefined) {
    const scriptPath = stepFile(index, id, 'sh', 'verify');
    const onNode = `${VERIFY_DIR}/${scriptPath.slice('verify/'.length)}`;
    outputs.set(scriptPath, verify);
    shell.push(verify);
    step.files = [{ source: scriptPath, to: onNode, node: SCRIPT_NODE, mode: '0755' }];
    // With a #! line the kernel picks the interpreter; without one Killercoda used bash.
    const command = verify.startsWith('#!') ? onNode : `bash ${onNode}`;
    step.checks = [
      {
        type: 'exec',
        in: { node: SCRIPT_NODE },
        command,
        description: `The step's Killercoda check (${source.verify}) passes.`,
      },
    ];
    step.hints = [
      `The check runs \`${onNode}\` on ${SCRIPT_NODE}: \`cat\` it to see what it tests.`,
    ];
  } else {
    notes.add(
      'assumed',
      `index.json: details.steps[${index}]`,
      'no verify script: the step only asks to be read, so its check always passes',
    );
    step.changesState = false;
    step.checks = [
      {
        type: 'exec',
        in: { node: SCRIPT_NODE },
        command: 'true',
        description: 'Nothing to check: read the step and go on.',
      },
    ];
    step.hints = ['This step has nothing to check: read it, try its commands, and go on.'];
  }

  const background = source.background ?? source.courseData;
  if (background !== undefined) {
    const script = importScript(files, background, 'background', notes);
    if (script !== null) {
      step.setup = [{ run: script }];
      shell.push(script);
    }
  }
  const foreground = source.foreground ?? source.code;
  if (foreground !== undefined) {
    notes.add(
      'unmapped',
      foreground,
      'a foreground script runs in the learner’s terminal when the step opens; kubelab has no equivalent: not imported',
    );
  }

  step.solve = solveActions(text.commands, source.text, notes);
  if (text.copyBlocks > 0) {
    notes.add(
      'assumed',
      source.text,
      `${text.copyBlocks} copy-only block(s) or command(s) are shown, not run by the solve`,
    );
  }
  if (step.solve.length === 0) {
    if (verify !== null) {
      notes.add(
        'review',
        source.text,
        'no run block to build a solve from: "show me" and `kubelab verify` fail with a message until you write the step\'s solve',
      );
      step.solve = [
        {
          run: "echo 'This imported step has no solution yet: write its solve in scenario.yaml.' >&2; exit 1",
        },
      ];
    } else step.solve = [{ run: 'true' }];
  }
  // In the order scenarios/README.md explains a step's fields.
  const ordered: StepInput = {
    id: step.id,
    title: step.title,
    text: step.text,
    ...(step.files ? { files: step.files } : {}),
    ...(step.setup ? { setup: step.setup } : {}),
    ...(step.changesState === false ? { changesState: false } : {}),
    checks: step.checks,
    ...(step.hints ? { hints: step.hints } : {}),
    solve: step.solve,
  };
  return { step: ordered, outputs, shell };
}
