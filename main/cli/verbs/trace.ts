import { defineCommand } from '../command.ts';
import { JSON_FLAG, LAB_FLAG } from './shared-flags.ts';

export const traceFlags = {
  lab: LAB_FLAG,
  port: {
    type: 'string',
    value: 'N',
    description:
      'the destination port when TO does not say it (default: 80, or the Service’s first)',
  },
  json: JSON_FLAG,
  probe: {
    type: 'boolean',
    description:
      'send one real request along the path while bounded captures watch each hop, and mark each seen or not',
  },
} as const;

export const trace = defineCommand({
  name: 'trace',
  summary: 'the path of a request through the lab, hop by hop, with the rule or route at each',
  flags: traceFlags,
  positionals: [
    { name: 'FROM', description: 'a pod ([NS/]NAME) or a node' },
    {
      name: 'TO',
      description:
        'a pod, a Service (NAME[.NS]:PORT), a cluster DNS name, a node IP with a NodePort (IP:PORT), or an IP',
    },
  ],
  load: async () => (await import('../commands/trace.ts')).run,
});
