import { defineCommand } from '../command.ts';
import { LAB_FLAG } from './shared-flags.ts';

export const upFlags = {
  lab: LAB_FLAG,
  nodes: {
    type: 'string',
    value: 'N',
    description: 'how many nodes, 1 to 3 (default: as the lab was, else 1)',
  },
  'merge-kubeconfig': {
    type: 'boolean',
    description: 'then merge the lab into ~/.kube/config as context kubelab-<lab> and switch to it',
  },
} as const;

export const up = defineCommand({
  name: 'up',
  summary: 'create, warm-start or repair a lab; returns when it is Ready',
  flags: upFlags,
  load: async () => (await import('../commands/up.ts')).run,
});
