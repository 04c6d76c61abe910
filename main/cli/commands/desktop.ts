import { spawn } from 'node:child_process';
import { createRequire } from 'node:module';
import { parseArgs } from 'node:util';
import type { CliCommand } from '../command.ts';
import { appRoot } from '../../paths.ts';
import { ensureRendererBuilt } from '../../renderer-build.ts';
import { parsePort, serveUntilStopped } from './serve.ts';
import { yellow } from '../output.ts';

/** Path of the Electron binary, or the reason there is none (its download may have been blocked). */
export function electronBinary(): { path: string } | { missing: string } {
  try {
    // The electron package's main export is the binary's path; it throws when the binary
    // was never downloaded.
    const path = createRequire(import.meta.url)('electron') as unknown;
    return typeof path === 'string'
      ? { path }
      : { missing: 'the electron package did not return a binary path' };
  } catch (error) {
    return { missing: error instanceof Error ? error.message.split('\n')[0]! : String(error) };
  }
}

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
