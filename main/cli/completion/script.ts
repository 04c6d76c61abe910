// The completion script of one shell, generated from the verbs' declarations.
import type { CliCommand } from '../command.ts';
import type { Shell } from '../verbs/completion.ts';
import { bashScript } from './bash.ts';
import { completionContexts } from './contexts.ts';
import { fishScript } from './fish.ts';
import { zshScript } from './zsh.ts';

const SCRIPTS: Record<Shell, (contexts: ReturnType<typeof completionContexts>) => string> = {
  bash: bashScript,
  zsh: zshScript,
  fish: fishScript,
};

export function completionScript(shell: Shell, commands: readonly CliCommand[]): string {
  return SCRIPTS[shell](completionContexts(commands));
}
