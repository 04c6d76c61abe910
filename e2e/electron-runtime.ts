// Whether the desktop project can run here, and if not, why — printed by the global set-up so a
// CI log says the Electron specs were skipped and for what reason (never skipped silently).
// The answer comes from `kubelab doctor`, as a learner would ask it.
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { kubelab } from './kubelab-cli.ts';

export const ELECTRON_MAIN = join(import.meta.dirname, '..', 'out', 'main', 'index.js');

export type ElectronRuntime = { binary: string } | { skipReason: string };

interface DoctorLine {
  id: string;
  status: string;
  detail: string;
}

let asked: Promise<ElectronRuntime> | undefined;

async function ask(): Promise<ElectronRuntime> {
  const lines = JSON.parse(await kubelab(['doctor', '--json'], 2 * 60_000)) as DoctorLine[];
  const desktop = lines.find((line) => line.id === 'desktop');
  if (!desktop) return { skipReason: 'kubelab doctor --json has no "desktop" line' };
  if (desktop.status !== 'ok') return { skipReason: desktop.detail };
  if (!existsSync(ELECTRON_MAIN))
    return { skipReason: `the app is not built (${ELECTRON_MAIN} missing; run npm run build)` };
  return { binary: desktop.detail.replace(/^Electron at /, '') };
}

export function electronRuntime(): Promise<ElectronRuntime> {
  asked ??= ask();
  return asked;
}
