import { spawn } from 'node:child_process';
import type { VerbRun } from '../command.ts';
import { appRoot } from '../../paths.ts';
import { desktopRuntime } from '../../electron/runtime-binary.ts';
import { ensureRendererBuilt } from '../../renderer-build.ts';
import { applyCatalogFlags, parsePort, serveUntilStopped } from './serve.ts';
import { yellow } from '../output.ts';
import type { serveFlags } from '../verbs/serve.ts';

export const run: VerbRun<typeof serveFlags> = async ({ values }) => {
  const port = parsePort(values.port);
  // Set in the environment, which the Electron process inherits.
  await applyCatalogFlags(values);
  const electron = desktopRuntime();
  if ('missing' in electron) {
    console.error(yellow(`kubelab: ${electron.missing}; starting browser mode instead.`));
    return serveUntilStopped(port);
  }
  ensureRendererBuilt((line) => console.error(line));
  // Never inherited: the window's process must be Electron, not Node.js.
  const env = { ...process.env };
  delete env.ELECTRON_RUN_AS_NODE;
  const child = spawn(electron.path, electron.app ? [] : [appRoot()], { stdio: 'inherit', env });
  return new Promise((resolve) => child.on('exit', (code) => resolve(code ?? 1)));
};
