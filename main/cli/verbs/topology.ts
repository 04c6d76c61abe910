import { defineCommand } from '../command.ts';
import { LAB_FLAG } from './shared-flags.ts';

export const topologyFlags = {
  lab: LAB_FLAG,
  json: { type: 'boolean', description: 'print the whole picture as JSON (the UI’s format)' },
} as const;

export const topology = defineCommand({
  name: 'topology',
  summary: 'nodes, bridges, veths, routes, pods, Services and volumes of a lab',
  flags: topologyFlags,
  load: async () => (await import('../commands/topology.ts')).run,
});
