import { spawn } from 'node:child_process';
import { parseArgs } from 'node:util';
import type { CliCommand } from '../command.ts';
import { appRoot } from '../../paths.ts';
import { electronBinary } from '../../electron/runtime-binary.ts';
import { ensureRendererBuilt } from '../../renderer-build.ts';
import { parsePort, serveUntilStopped } from './serve.ts';
import { yellow } from '../output.ts';

export const desktop: CliCommand = {
  name: 'desktop',
  summary: 'open the desktop app (falls back to browser mode without Electron)',
  usage: 'desktop [--port N]',
  run: async (args) => {
    const { values } = parseArgs({ args, options: { port: { type: 'string' } } });
    const electron = electronBinary();
    const headless =
      process.platform === 'linux' && !process.env.DISPLAY && !process.env.WAYLAND_DISPLAY;
    if ('missing' in electron || headless) {
      const why =
        'missing' in electron
          ? `no Electron runtime is installed (${electron.missing})`
          : 'there is no display';
      console.error(yellow(`kubelab: ${why}; starting browser mode instead.`));
      return serveUntilStopped(parsePort(values.port));
    }
    ensureRendererBuilt((line) => console.error(line));
    const child = spawn(electron.path, [appRoot()], { stdio: 'inherit' });
    return new Promise((resolve) => child.on('exit', (code) => resolve(code ?? 1)));
  },
};
