// Parses a verb's arguments from its declaration. node:util parseArgs does the tokenising; the
// checks are ours so that every mistake gets one plain sentence naming the flag or argument.
import { parseArgs } from 'node:util';
import type { CliCommand, FlagValues, Flags, Parsed } from './command.ts';
import { UsageError } from './usage-error.ts';

export type ParseOutcome = { help: true } | { help: false; parsed: Parsed<Flags> };

const HELP = new Set(['--help', '-h']);

/** Splits off the arguments after `--` for the verbs that pass them on. */
function splitPassthrough(
  command: CliCommand,
  args: string[],
): { own: string[]; passthrough: string[] } {
  if (!command.passthrough) return { own: args, passthrough: [] };
  if (!command.passthrough.requireSeparator) return splitLeadingFlags(command, args);
  const split = args.indexOf('--');
  if (split !== -1) return { own: args.slice(0, split), passthrough: args.slice(split + 1) };
  return { own: args, passthrough: [] };
}

/**
 * kubectl's way: our own flags only at the front (`kubelab kubectl --lab x get pods`), an
 * optional `--` after them, and everything else kubectl's — a later `--` included, as in
 * `kubectl exec web -- ls`. A lone request for our own help stays ours.
 */
function splitLeadingFlags(
  command: CliCommand,
  args: string[],
): { own: string[]; passthrough: string[] } {
  if (HELP.has(args[0] ?? '')) return { own: [args[0]!], passthrough: [] };
  const own: string[] = [];
  let i = 0;
  while (i < args.length) {
    const arg = args[i]!;
    const name = arg.startsWith('--') ? arg.slice(2).split('=')[0]! : '';
    const flag = Object.hasOwn(command.flags, name) ? command.flags[name] : undefined;
    if (!flag) break;
    own.push(arg);
    i++;
    if (flag.type === 'string' && !arg.includes('=') && i < args.length) own.push(args[i++]!);
  }
  if (args[i] === '--') i++;
  return { own, passthrough: args.slice(i) };
}

export function parseCommandLine(command: CliCommand, args: string[]): ParseOutcome {
  const { own, passthrough } = splitPassthrough(command, args);
  const options = Object.fromEntries(
    Object.entries(command.flags).map(([name, flag]) => [
      name,
      { type: flag.type, ...(flag.type === 'string' && flag.multiple ? { multiple: true } : {}) },
    ]),
  );
  const { values, positionals, tokens } = parseArgs({
    args: own,
    options: { ...options, help: { type: 'boolean', short: 'h' } },
    allowPositionals: true,
    strict: false,
    tokens: true,
  });
  if (values.help === true) return { help: true };
  for (const token of tokens) {
    if (token.kind !== 'option') continue;
    const flag = command.flags[token.name];
    if (!flag) throw new UsageError(`unknown flag ${token.rawName}`);
    if (flag.type === 'boolean' && token.value !== undefined)
      throw new UsageError(`${token.rawName} takes no value`);
    // parseArgs takes the next argument whatever it is; `--lab --json` is a forgotten value.
    const missing =
      token.value === undefined || (!token.inlineValue && token.value.startsWith('-'));
    if (flag.type === 'string' && missing)
      throw new UsageError(`${token.rawName} needs a value (${token.rawName} ${flag.value})`);
  }
  if (command.passthrough?.requireSeparator && args.indexOf('--') === -1)
    throw new UsageError(`-- must come before the command (${command.passthrough.name})`);
  checkPositionals(command, positionals);
  return {
    help: false,
    parsed: { values: flagValues(command.flags, values), positionals, passthrough },
  };
}

function checkPositionals(command: CliCommand, positionals: string[]): void {
  const specs = command.positionals;
  const variadic = specs.at(-1)?.variadic === true;
  const missing = specs.find((spec, i) => !spec.optional && positionals[i] === undefined);
  if (missing) throw new UsageError(`missing ${missing.name}`);
  if (!variadic && positionals.length > specs.length)
    throw new UsageError(`unexpected argument "${positionals[specs.length]}"`);
  positionals.forEach((value, i) => {
    const spec = specs[Math.min(i, specs.length - 1)];
    if (spec?.choices && !spec.choices.includes(value))
      throw new UsageError(
        `${spec.name} must be one of ${spec.choices.join(', ')}, not "${value}"`,
      );
  });
}

type RawValues = Record<string, string | boolean | (string | boolean)[] | undefined>;

function flagValues(flags: Flags, raw: RawValues): FlagValues<Flags> {
  const result: FlagValues<Flags> = {};
  for (const [name, flag] of Object.entries(flags)) {
    const value = raw[name];
    if (flag.type === 'boolean') result[name] = value === true;
    else if (flag.multiple) result[name] = Array.isArray(value) ? value.map(String) : [];
    else result[name] = typeof value === 'string' ? value : flag.default;
  }
  return result;
}
