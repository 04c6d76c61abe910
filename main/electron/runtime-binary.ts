// Where the Electron binary is, or why there is none — found WITHOUT require('electron'): that
// require starts a download when the binary is missing, which on an offline machine only fails
// slowly and noisily. Used by `kubelab desktop` (fall back to browser mode) and by the e2e set-up
// (skip the desktop project with a printed reason). Plain Node: never imports electron itself.
import { existsSync, readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { installedResources } from '../paths.ts';

/** `app`: the binary is an installed kubelab app, which runs its own app.asar with no argument. */
export type ElectronBinary = { path: string; app?: boolean } | { missing: string };

export function electronBinary(): ElectronBinary {
  // The `kubelab` command of an installed app is that app's binary run as Node.js
  // (packaging/cli/kubelab): the window is the same binary without ELECTRON_RUN_AS_NODE.
  if (process.env.ELECTRON_RUN_AS_NODE === '1' && installedResources())
    return { path: process.execPath, app: true };
  let packageDir: string;
  try {
    packageDir = dirname(createRequire(import.meta.url).resolve('electron/package.json'));
  } catch {
    return { missing: 'the electron npm package is not installed' };
  }
  // The package records the binary's name in path.txt once its download has succeeded.
  const pathFile = join(packageDir, 'path.txt');
  const distDir = process.env.ELECTRON_OVERRIDE_DIST_PATH ?? join(packageDir, 'dist');
  const name = existsSync(pathFile) ? readFileSync(pathFile, 'utf8').trim() : 'electron';
  const binary = join(distDir, name);
  return existsSync(binary)
    ? { path: binary }
    : { missing: `electron binary not found at ${binary} (its download was blocked or skipped)` };
}

/** Whether `kubelab desktop` can open its window here: a runtime and (on Linux) a display. */
export function desktopRuntime(): ElectronBinary {
  const electron = electronBinary();
  if ('missing' in electron)
    return { missing: `no Electron runtime is installed (${electron.missing})` };
  if (process.platform === 'linux' && !process.env.DISPLAY && !process.env.WAYLAND_DISPLAY)
    return { missing: 'there is no display (DISPLAY and WAYLAND_DISPLAY are unset)' };
  return electron;
}
