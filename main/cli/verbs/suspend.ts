import { defineCommand } from '../command.ts';
import { LAB_FLAG } from './shared-flags.ts';

export const suspendFlags = { lab: LAB_FLAG } as const;

export const suspend = defineCommand({
  name: 'suspend',
  summary: 'freeze a lab (no CPU, memory kept); kubelab up resumes it in seconds',
  flags: suspendFlags,
  load: async () => (await import('../commands/suspend.ts')).run,
});
