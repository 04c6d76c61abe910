import { defineCommand } from '../command.ts';

export const SHELLS = ['bash', 'zsh', 'fish'] as const;
export type Shell = (typeof SHELLS)[number];

export const completionFlags = {};

export const completion = defineCommand({
  name: 'completion',
  summary: 'print a completion script for bash, zsh or fish (verbs, sub-verbs and flags)',
  flags: completionFlags,
  positionals: [
    {
      name: 'SHELL',
      choices: SHELLS,
      description:
        'bash: `source <(kubelab completion bash)`; zsh: `source <(kubelab completion zsh)`; fish: `kubelab completion fish | source`',
    },
  ],
  load: async () => (await import('../commands/completion.ts')).run,
});
