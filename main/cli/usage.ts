// Usage text derived from the declarations: the overview (`kubelab help`) and one verb's help
// (`kubelab VERB --help`, `kubelab help VERB`, and after a usage error).
import type { CliCommand, FlagSpec } from './command.ts';

function flagSynopsis(name: string, flag: FlagSpec): string {
  return flag.type === 'string' ? `[--${name} ${flag.value}]` : `[--${name}]`;
}

function positionalSynopsis(command: CliCommand): string[] {
  return command.positionals.map((p) => {
    const word = p.variadic ? `${p.name}…` : p.name;
    return p.optional ? `[${word}]` : word;
  });
}

/** One line after `kubelab `, e.g. "up [--lab NAME] [--nodes N]". */
export function usageLine(path: readonly string[], command: CliCommand): string {
  if (!command.load)
    return `${path.join(' ')} ${command.subcommands.map((s) => s.name).join('|')} …`;
  return [
    ...path,
    ...positionalSynopsis(command),
    ...Object.entries(command.flags).map(([name, flag]) => flagSynopsis(name, flag)),
    ...(command.passthrough ? [`-- ${command.passthrough.name}`] : []),
  ].join(' ');
}

/** Every runnable form of a verb: itself (if it runs) and each sub-verb. */
function usageLines(path: readonly string[], command: CliCommand): string[] {
  const own = command.load ? [usageLine(path, command)] : [];
  return [...own, ...command.subcommands.map((sub) => usageLine([...path, sub.name], sub))];
}

function table(rows: [string, string][]): string[] {
  const width = Math.max(...rows.map(([left]) => left.length)) + 3;
  return rows.map(([left, right]) => `  ${left.padEnd(width)}${right}`);
}

export function commandHelp(path: readonly string[], command: CliCommand): string {
  const lines = usageLines(path, command).map(
    (line, i) => `${i ? '   or' : 'usage'}: kubelab ${line}`,
  );
  lines.push('', command.summary);
  const args: [string, string][] = command.positionals.map((p) => [
    p.variadic ? `${p.name}…` : p.name,
    p.description,
  ]);
  if (command.passthrough) args.push([command.passthrough.name, command.passthrough.description]);
  if (args.length) lines.push('', 'arguments:', ...table(args));
  if (command.subcommands.length) {
    lines.push('', 'sub-commands:', ...table(command.subcommands.map((s) => [s.name, s.summary])));
    lines.push(`Run \`kubelab ${path.join(' ')} COMMAND --help\` for one of them.`);
  }
  const flags: [string, string][] = Object.entries(command.flags).map(([name, flag]) => [
    flag.type === 'string' ? `--${name} ${flag.value}` : `--${name}`,
    flag.type === 'string' && flag.default !== undefined
      ? `${flag.description} (default: ${flag.default})`
      : flag.description,
  ]);
  flags.push(['-h, --help', 'show this help']);
  lines.push('', 'options:', ...table(flags));
  return lines.join('\n');
}

export function overviewText(commands: readonly CliCommand[]): string {
  const lines = [
    'kubelab — learn Kubernetes storage and networking on a real local cluster',
    '',
    'usage:',
  ];
  for (const command of commands) {
    lines.push(...usageLines([command.name], command).map((line) => `  kubelab ${line}`));
    lines.push(`      ${command.summary}`);
  }
  lines.push(
    '',
    'Run `kubelab VERB --help` (or `kubelab help VERB`) for a verb’s flags.',
    'Environment: KUBELAB_HOME (default ~/.kubelab), DOCKER_HOST.',
  );
  return lines.join('\n');
}
