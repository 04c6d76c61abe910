import { defineCommand } from '../command.ts';
import { LAB_FLAG } from './shared-flags.ts';

export const kubeconfigFlags = {
  lab: LAB_FLAG,
  merge: {
    type: 'boolean',
    description:
      'write (or replace) the kubelab-<lab> cluster, user and context in ~/.kube/config (or $KUBECONFIG’s first file) and switch to it, keeping every other entry as it is',
  },
  print: {
    type: 'boolean',
    description: 'print a standalone kubeconfig for the lab (kubelab-<lab> names)',
  },
} as const;

export const kubeconfig = defineCommand({
  name: 'kubeconfig',
  summary: 'the lab’s kubeconfig: its path, a standalone copy, or merged into your own (like kind)',
  flags: kubeconfigFlags,
  load: async () => (await import('../commands/kubeconfig.ts')).run,
});
