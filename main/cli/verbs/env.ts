import { defineCommand } from '../command.ts';
import { LAB_FLAG } from './shared-flags.ts';

export const ENV_SHELLS = ['bash', 'zsh', 'fish', 'powershell'] as const;
export type EnvShell = (typeof ENV_SHELLS)[number];

export const envFlags = { lab: LAB_FLAG } as const;

export const env = defineCommand({
  name: 'env',
  summary: 'print the PATH and KUBECONFIG lines that put the lab’s own kubectl in your shell',
  flags: envFlags,
  positionals: [
    {
      name: 'SHELL',
      optional: true,
      choices: ENV_SHELLS,
      description:
        'the syntax to print (default: from $SHELL). bash/zsh: `eval "$(kubelab env)"`; fish: `kubelab env fish | source`; PowerShell: `kubelab env powershell | Invoke-Expression`',
    },
  ],
  load: async () => (await import('../commands/env.ts')).run,
});
