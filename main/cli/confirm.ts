// Destructive verbs ask first: on a terminal the learner answers y/N; anywhere else (scripts, CI)
// the command needs --yes, so nothing is deleted because a prompt could not be shown.
import { createInterface } from 'node:readline/promises';
import { LabError, cancelled } from '../api/errors.ts';

export interface ConfirmIo {
  input: NodeJS.ReadableStream & { isTTY?: boolean };
  output: NodeJS.WritableStream;
}

/**
 * `what` names exactly what will be removed; `retry` is the command to run with --yes.
 * Resolves when the learner said yes (or --yes was given); throws CANCELLED / CONFIRMATION_NEEDED.
 */
export async function confirmDestructive(
  what: string,
  retry: string,
  yes: boolean,
  io: ConfirmIo = defaultIo(),
): Promise<void> {
  if (yes) return;
  if (!io.input.isTTY) {
    throw new LabError('CONFIRMATION_NEEDED', `This would remove ${what}, and no one was asked.`, {
      fix: `Run it again with --yes if that is what you want: ${retry} --yes`,
    });
  }
  if (!(await askYesNo(`This removes ${what}.\nContinue? [y/N] `, io))) {
    // Not cancelled(): this one says why, and the CLI prints the fix.
    throw cancelled('Nothing was removed.', 'Nothing to fix: you said no.');
  }
}

/** Whether a terminal is there to ask on. */
export function canAsk(io: ConfirmIo = defaultIo()): boolean {
  return io.input.isTTY === true;
}

/** Asks on the terminal; only y/yes is a yes. */
export async function askYesNo(question: string, io: ConfirmIo = defaultIo()): Promise<boolean> {
  const rl = createInterface({ input: io.input, output: io.output });
  try {
    return /^y(es)?$/i.test((await rl.question(question)).trim());
  } finally {
    rl.close();
  }
}

function defaultIo(): ConfirmIo {
  return { input: process.stdin, output: process.stderr };
}
