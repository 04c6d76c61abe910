import { defineCommand } from '../command.ts';
import { JSON_FLAG, LAB_FLAG } from './shared-flags.ts';

export const statusFlags = { lab: LAB_FLAG, json: JSON_FLAG } as const;

export const status = defineCommand({
  name: 'status',
  summary: 'nodes, IPs, pod subnets, bridges and problems of a lab',
  flags: statusFlags,
  load: async () => (await import('../commands/status.ts')).run,
});
