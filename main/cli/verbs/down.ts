import { defineCommand } from '../command.ts';
import { LAB_FLAG, YES_FLAG } from './shared-flags.ts';

export const downFlags = {
  lab: LAB_FLAG,
  purge: {
    type: 'boolean',
    description: 'remove the containers, volumes and network instead of stopping them',
  },
  data: { type: 'boolean', description: 'with --purge: also delete the learners’ files' },
  yes: YES_FLAG,
} as const;

export const down = defineCommand({
  name: 'down',
  summary: 'stop a lab (warm start later) or --purge it',
  flags: downFlags,
  load: async () => (await import('../commands/down.ts')).run,
});
