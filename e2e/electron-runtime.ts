// Whether the desktop project can run here, and if not, why — printed by the global set-up so a
// CI log says the Electron specs were skipped and for what reason (never skipped silently).
// The binary is looked up without require('electron'): that require starts a download when the
// binary is missing, which on an offline machine only fails slowly and noisily.
import { existsSync, readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';

export const ELECTRON_MAIN = join(import.meta.dirname, '..', 'out', 'main', 'index.js');

export type ElectronRuntime = { binary: string } | { skipReason: string };

function electronBinaryPath(): { path: string } | { missing: string } {
  let packageDir: string;
  try {
    packageDir = dirname(createRequire(import.meta.url).resolve('electron/package.json'));
  } catch {
    return { missing: 'the electron npm package is not installed' };
  }
  const pathFile = join(packageDir, 'path.txt');
  const distDir = process.env.ELECTRON_OVERRIDE_DIST_PATH ?? join(packageDir, 'dist');
  const name = existsSync(pathFile) ? readFileSync(pathFile, 'utf8').trim() : 'electron';
  const binary = join(distDir, name);
  return existsSync(binary)
    ? { path: binary }
    : { missing: `electron binary not found at ${binary} (its download was blocked or skipped)` };
}

export function electronRuntime(): ElectronRuntime {
  const electron = electronBinaryPath();
  if ('missing' in electron) return { skipReason: `no Electron runtime (${electron.missing})` };
  if (process.platform === 'linux' && !process.env.DISPLAY && !process.env.WAYLAND_DISPLAY)
    return { skipReason: 'no display for the Electron window (DISPLAY and WAYLAND_DISPLAY unset)' };
  if (!existsSync(ELECTRON_MAIN))
    return { skipReason: `the app is not built (${ELECTRON_MAIN} missing; run npm run build)` };
  return { binary: electron.path };
}
