import { defineCommand } from '../command.ts';
import { LAB_FLAG, YES_FLAG } from './shared-flags.ts';

export const resetFlags = {
  lab: LAB_FLAG,
  data: { type: 'boolean', description: 'also empty the learners’ /mnt and PV folders' },
  progress: {
    type: 'boolean',
    description: 'also forget the steps recorded as passed and the hints shown (every scenario)',
  },
  yes: YES_FLAG,
} as const;

export const reset = defineCommand({
  name: 'reset',
  summary: 'remove everything learners made (--data: also their hostPath/PV folders)',
  flags: resetFlags,
  load: async () => (await import('../commands/reset.ts')).run,
});
