// Which catalogue this process serves. `--scenarios-dir DIR` on serve and desktop (and any
// verb) means "that folder is the catalogue"; `--watch` turns on authoring mode. They travel as
// environment variables so that the Electron process `kubelab desktop` starts, and every CLI
// verb run from an app terminal, read the same catalogue without a second way to pass it.
import { resolve } from 'node:path';

export const SCENARIOS_DIR_ENV = 'KUBELAB_SCENARIOS_DIR';
export const AUTHORING_ENV = 'KUBELAB_AUTHORING';

/** The folder of scenario folders set for this process, or null for the usual catalogue. */
export function scenariosDirOverride(): string | null {
  const dir = process.env[SCENARIOS_DIR_ENV];
  return dir ? resolve(dir) : null;
}

/** Authoring mode: the catalogue is watched, lint problems are shown, steps can be verified. */
export function authoringMode(): boolean {
  return process.env[AUTHORING_ENV] === '1';
}

/** Sets both for this process and the processes it starts. */
export function serveCatalog(dir: string | null, authoring: boolean): void {
  if (dir === null) delete process.env[SCENARIOS_DIR_ENV];
  else process.env[SCENARIOS_DIR_ENV] = resolve(dir);
  if (authoring) process.env[AUTHORING_ENV] = '1';
  else delete process.env[AUTHORING_ENV];
}
