// Entry of the `kubelab` CLI: runs the verb argv names (see dispatch.ts).
import { commands } from './verbs/index.ts';
import { runCli } from './dispatch.ts';
import { printError } from './output.ts';

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

runCli(process.argv.slice(2), commands).then(
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
