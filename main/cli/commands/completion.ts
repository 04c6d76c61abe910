// `kubelab completion bash|zsh|fish`: a completion script generated from the declarations.
import type { VerbRun } from '../command.ts';
import { completionScript } from '../completion/script.ts';
import type { Shell, completionFlags } from '../verbs/completion.ts';
import { commands } from '../verbs/index.ts';

export const run: VerbRun<typeof completionFlags> = ({ positionals }) => {
  // The parser has checked SHELL against the declared choices.
  process.stdout.write(completionScript(positionals[0] as Shell, commands));
  return Promise.resolve(0);
};
