// Entry of the `kubelab` CLI: finds the verb's module and runs it.
import { commands } from './commands/index.ts';
import { printError } from './output.ts';
import { helpText } from './commands/help.ts';

async function main(argv: string[]): Promise<number> {
  const [verb, ...rest] = argv;
  if (verb === undefined || verb === '--help' || verb === '-h') {
    console.log(helpText());
    return 0;
  }
  if (verb === '--version' || verb === '-v') return commands.version!.run(rest);
  const command = commands[verb];
  if (!command) {
    console.error(`kubelab: unknown command "${verb}". Run \`kubelab help\` for the list.`);
    return 2;
  }
  return command.run(rest);
}

let finished = false;
// If the event loop drains while a command is still awaiting, something lost its callback:
// that must be a loud failure, never a silent exit 0.
process.on('beforeExit', () => {
  if (!finished) {
    console.error(
      'kubelab: internal error: the command stopped making progress before it finished.',
    );
    process.exit(70);
  }
});

main(process.argv.slice(2)).then(
  (code) => {
    finished = true;
    process.exitCode = code;
  },
  (error: unknown) => {
    finished = true;
    printError(error);
    process.exitCode = 1;
  },
);
