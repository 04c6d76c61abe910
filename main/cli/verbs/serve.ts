import { defineCommand } from '../command.ts';
import { PORT_FLAG, SCENARIOS_DIR_FLAG } from './shared-flags.ts';

export const serveFlags = {
  port: PORT_FLAG,
  'scenarios-dir': SCENARIOS_DIR_FLAG,
  watch: {
    type: 'boolean',
    description:
      'authoring mode: reload scenarios as their files change, show lint problems, offer "Verify this step"',
  },
} as const;

export const serve = defineCommand({
  name: 'serve',
  summary: 'run the UI in a browser (127.0.0.1 only, token in the URL)',
  flags: serveFlags,
  load: async () => (await import('../commands/serve.ts')).run,
});

export const desktop = defineCommand({
  name: 'desktop',
  summary: 'open the desktop app (falls back to browser mode without Electron)',
  flags: serveFlags,
  load: async () => (await import('../commands/desktop.ts')).run,
});
