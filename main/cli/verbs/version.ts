import { defineCommand } from '../command.ts';

export const versionFlags = {};

export const version = defineCommand({
  name: 'version',
  summary: 'print the kubelab version (also --version)',
  flags: versionFlags,
  load: async () => (await import('../commands/version.ts')).run,
});
