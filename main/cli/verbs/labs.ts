import { defineCommand } from '../command.ts';
import { JSON_FLAG } from './shared-flags.ts';

export const labsFlags = { json: JSON_FLAG } as const;

export const labs = defineCommand({
  name: 'labs',
  summary: 'every lab on this machine: nodes, state, age and the disk it uses',
  flags: labsFlags,
  load: async () => (await import('../commands/labs.ts')).run,
});
