// Whether the desktop project can run here, and if not, why — printed by the global set-up so a
// CI log says the Electron specs were skipped and for what reason (never skipped silently).
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { electronBinary } from '../main/electron/runtime-binary.ts';

export const ELECTRON_MAIN = join(import.meta.dirname, '..', 'out', 'main', 'index.js');

export type ElectronRuntime = { binary: string } | { skipReason: string };

export function electronRuntime(): ElectronRuntime {
  const electron = electronBinary();
  if ('missing' in electron) return { skipReason: `no Electron runtime (${electron.missing})` };
  if (process.platform === 'linux' && !process.env.DISPLAY && !process.env.WAYLAND_DISPLAY)
    return { skipReason: 'no display for the Electron window (DISPLAY and WAYLAND_DISPLAY unset)' };
  if (!existsSync(ELECTRON_MAIN))
    return { skipReason: `the app is not built (${ELECTRON_MAIN} missing; run npm run build)` };
  return { binary: electron.path };
}
