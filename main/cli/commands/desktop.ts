import { spawn } from 'node:child_process';
import type { VerbRun } from '../command.ts';
import { appRoot } from '../../paths.ts';
import { electronBinary } from '../../electron/runtime-binary.ts';
import { ensureRendererBuilt } from '../../renderer-build.ts';
import { parsePort, serveUntilStopped } from './serve.ts';
import { yellow } from '../output.ts';
import type { serveFlags } from '../verbs/serve.ts';

export const run: VerbRun<typeof serveFlags> = async ({ values }) => {
  const port = parsePort(values.port);
  const electron = electronBinary();
  const headless =
    process.platform === 'linux' && !process.env.DISPLAY && !process.env.WAYLAND_DISPLAY;
  if ('missing' in electron || headless) {
    const why =
      'missing' in electron
        ? `no Electron runtime is installed (${electron.missing})`
        : 'there is no display';
    console.error(yellow(`kubelab: ${why}; starting browser mode instead.`));
    return serveUntilStopped(port);
  }
  ensureRendererBuilt((line) => console.error(line));
  const child = spawn(electron.path, [appRoot()], { stdio: 'inherit' });
  return new Promise((resolve) => child.on('exit', (code) => resolve(code ?? 1)));
};
