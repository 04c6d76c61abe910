import { defineCommand } from '../command.ts';
import { LAB_FLAG } from './shared-flags.ts';

export const kubectlFlags = { lab: LAB_FLAG } as const;

export const kubectl = defineCommand({
  name: 'kubectl',
  summary:
    'kubectl against a lab: the lab’s own kubectl, here, in your folder (so -f ./file works)',
  flags: kubectlFlags,
  passthrough: {
    name: 'ARGS…',
    description:
      'kubectl’s arguments; kubelab’s own flags (--lab) go first, an optional -- after them',
    requireSeparator: false,
  },
  load: async () => (await import('../commands/kubectl.ts')).run,
});
