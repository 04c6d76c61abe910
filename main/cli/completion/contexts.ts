// The completion table every shell script is generated from: for each place on the command line
// (no verb yet, a verb, a verb's sub-verb) the words that may come next, from the declarations.
import type { CliCommand } from '../command.ts';

export type ValueKind = 'file' | 'dir' | 'none';

export interface Word {
  word: string;
  description: string;
}

export interface Context {
  /** "" before the verb, else the verb and sub-verb typed so far, e.g. "bundle load". */
  key: string;
  subcommands: Word[];
  /** Flags with their description; `takes` says what a flag's value completes to. */
  flags: (Word & { takes: ValueKind | null })[];
  /** What a positional argument completes to here. */
  argument: { kind: 'verbs' } | { kind: 'choices'; choices: readonly string[] } | ValueKind;
}

/** FILE and KEY complete to files, DIR to folders; NAME, N and the like have nothing to offer. */
function valueKind(placeholder: string): ValueKind {
  if (placeholder === 'DIR') return 'dir';
  return placeholder === 'FILE' || placeholder === 'KEY' ? 'file' : 'none';
}

function contextOf(key: string, command: CliCommand): Context {
  const flags: Context['flags'] = Object.entries(command.flags).map(([name, flag]) => ({
    word: `--${name}`,
    description: flag.description,
    takes: flag.type === 'string' ? valueKind(flag.value) : null,
  }));
  flags.push({ word: '--help', description: 'show this verb’s usage', takes: null });
  const first = command.positionals[0];
  const argument: Context['argument'] = first?.choices
    ? { kind: 'choices', choices: first.choices }
    : first?.completes === 'verb'
      ? { kind: 'verbs' }
      : (first?.completes ?? 'none');
  return {
    key,
    subcommands: command.subcommands.map((s) => ({ word: s.name, description: s.summary })),
    flags,
    argument,
  };
}

export function completionContexts(commands: readonly CliCommand[]): Context[] {
  const top: Context = {
    key: '',
    subcommands: commands.map((c) => ({ word: c.name, description: c.summary })),
    flags: [
      { word: '--help', description: 'list the verbs', takes: null },
      { word: '--version', description: 'print the version', takes: null },
    ],
    argument: 'none',
  };
  const contexts = [top];
  for (const command of commands) {
    contexts.push(contextOf(command.name, command));
    for (const sub of command.subcommands)
      contexts.push(contextOf(`${command.name} ${sub.name}`, sub));
  }
  return contexts;
}

/** A word in single quotes, for sh, zsh and fish alike. */
export function quote(text: string): string {
  return `'${text.replaceAll("'", `'\\''`)}'`;
}
