// The doctor's line about the desktop window. It lives with the CLI, not the engine checks,
// because only `kubelab desktop` cares (the API serves a window that is already open).
import type { DoctorCheck } from '../../api/schemas/engine.ts';
import { desktopRuntime } from '../../electron/runtime-binary.ts';

export function desktopCheck(): DoctorCheck {
  const runtime = desktopRuntime();
  if ('path' in runtime)
    return {
      id: 'desktop',
      title: 'desktop window',
      status: 'ok',
      detail: `Electron at ${runtime.path}`,
    };
  return {
    id: 'desktop',
    title: 'desktop window',
    status: 'warn',
    detail: runtime.missing,
    fix: 'kubelab desktop opens browser mode instead (kubelab serve); the window needs the electron npm package with its runtime downloaded, and a display',
  };
}
