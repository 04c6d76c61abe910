import { defineCommand, defineGroup } from '../command.ts';
import { LAB_FLAG } from './shared-flags.ts';

export const exportLogsFlags = { lab: LAB_FLAG } as const;

export const exportVerb = defineGroup({
  name: 'export',
  summary: 'write what a lab knows to a folder, for someone who helps',
  subcommands: [
    defineCommand({
      name: 'logs',
      summary:
        'each node’s kubelet, containerd and init logs, every pod’s logs, the events, lab.json and status',
      flags: exportLogsFlags,
      positionals: [
        { name: 'DIR', completes: 'dir', description: 'the folder to write (made if missing)' },
      ],
      load: async () => (await import('../commands/export.ts')).logs,
    }),
  ],
});
