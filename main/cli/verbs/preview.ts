import { defineCommand } from '../command.ts';
import { LAB_FLAG } from './shared-flags.ts';

export const previewFlags = {
  lab: LAB_FLAG,
  namespace: {
    type: 'string',
    value: 'NS',
    default: 'default',
    description: 'the Service’s namespace',
  },
} as const;

export const preview = defineCommand({
  name: 'preview',
  summary:
    'a loopback URL that serves a Service of the lab, until Ctrl-C (like minikube service --url)',
  flags: previewFlags,
  positionals: [
    {
      name: 'SERVICE[:PORT]',
      description: 'the Service, and which of its ports (default: its first TCP port)',
    },
  ],
  load: async () => (await import('../commands/preview.ts')).run,
});
