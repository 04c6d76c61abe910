// Finds the verb (and sub-verb) an argv names, answers --help from its declaration, parses its
// arguments and only then imports and runs its implementation. Usage errors end here: one line
// saying what is wrong, the verb's usage, exit 2.
import type { CliCommand } from './command.ts';
import { parseCommandLine } from './parse.ts';
import { commandHelp, overviewText } from './usage.ts';
import { UsageError } from './usage-error.ts';

export interface CliIo {
  out: (text: string) => void;
  err: (text: string) => void;
}

export const USAGE_EXIT = 2;

const consoleIo: CliIo = {
  out: (text) => console.log(text),
  err: (text) => console.error(text),
};

export async function runCli(
  argv: readonly string[],
  commands: readonly CliCommand[],
  io: CliIo = consoleIo,
): Promise<number> {
  const [verb, ...rest] = argv;
  if (verb === undefined || verb === '--help' || verb === '-h') {
    io.out(overviewText(commands));
    return 0;
  }
  const name = verb === '--version' || verb === '-v' ? 'version' : verb;
  const command = commands.find((candidate) => candidate.name === name);
  if (!command) {
    io.err(`kubelab: unknown command "${verb}". Run \`kubelab help\` for the list.`);
    return USAGE_EXIT;
  }
  return runCommand([command.name], command, name === verb ? rest : [], io);
}

async function runCommand(
  path: string[],
  command: CliCommand,
  args: string[],
  io: CliIo,
): Promise<number> {
  const sub = command.subcommands.find((candidate) => candidate.name === args[0]);
  if (sub) return runCommand([...path, sub.name], sub, args.slice(1), io);
  const usageError = (error: UsageError): number => {
    io.err(`kubelab ${path.join(' ')}: ${error.message}\n`);
    io.err(commandHelp(path, command));
    return USAGE_EXIT;
  };
  try {
    const load = command.load;
    if (!load) {
      if (args[0] === '--help' || args[0] === '-h') {
        io.out(commandHelp(path, command));
        return 0;
      }
      const names = command.subcommands.map((s) => s.name).join(', ');
      throw new UsageError(
        args[0] === undefined
          ? `missing a sub-command (${names})`
          : `unknown sub-command "${args[0]}" (${names})`,
      );
    }
    const outcome = parseCommandLine(command, args);
    if (outcome.help) {
      io.out(commandHelp(path, command));
      return 0;
    }
    const run = await load();
    return await run(outcome.parsed);
  } catch (error) {
    if (error instanceof UsageError) return usageError(error);
    throw error;
  }
}
