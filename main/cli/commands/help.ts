// `kubelab help [VERB [SUB-VERB]]`: the overview, or one verb's usage from its declaration.
import type { CliCommand, VerbRun } from '../command.ts';
import { commandHelp, overviewText } from '../usage.ts';
import { UsageError } from '../usage-error.ts';
import type { helpFlags } from '../verbs/help.ts';
import { commands } from '../verbs/index.ts';

export function helpFor(words: readonly string[]): string {
  if (!words.length) return overviewText(commands);
  const path: string[] = [];
  let command: CliCommand | undefined;
  let choices: readonly CliCommand[] = commands;
  for (const word of words) {
    command = choices.find((candidate) => candidate.name === word);
    if (!command)
      throw new UsageError(
        path.length
          ? `kubelab ${path.join(' ')} has no sub-command "${word}"`
          : `there is no verb "${word}"`,
      );
    path.push(word);
    choices = command.subcommands;
  }
  return commandHelp(path, command!);
}

export const run: VerbRun<typeof helpFlags> = ({ positionals }) => {
  console.log(helpFor(positionals));
  return Promise.resolve(0);
};
