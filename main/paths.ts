// Where kubelab keeps things on the learner's disk. KUBELAB_HOME overrides the default so tests
// and several checkouts can keep their state apart.
import { homedir } from 'node:os';
import { existsSync, readFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

export function kubelabHome(): string {
  return process.env.KUBELAB_HOME ? resolve(process.env.KUBELAB_HOME) : join(homedir(), '.kubelab');
}

/** Caches of slow, content-addressed build inputs (Go module/build cache, npm downloads). */
export function cacheDir(): string {
  return process.env.KUBELAB_CACHE
    ? resolve(process.env.KUBELAB_CACHE)
    : join(kubelabHome(), 'cache');
}

/** The repository (or installed app) root: lab-images/, scenarios/ and out/ live under it. */
export function appRoot(): string {
  if (process.env.KUBELAB_APP_ROOT) return resolve(process.env.KUBELAB_APP_ROOT);
  // Source (main/paths.ts) and bundle (out/main/index.js) sit at different depths: walk up to
  // the folder that holds kubelab's package.json.
  let dir = dirname(fileURLToPath(import.meta.url));
  for (;;) {
    if (isKubelabRoot(dir)) return dir;
    const parent = dirname(dir);
    if (parent === dir) throw new Error('kubelab: cannot find the app root (package.json)');
    dir = parent;
  }
}

function isKubelabRoot(dir: string): boolean {
  try {
    const pkg = JSON.parse(readFileSync(join(dir, 'package.json'), 'utf8')) as { name?: string };
    return pkg.name === 'kubelab';
  } catch {
    return false;
  }
}

/**
 * Where scenarios/ and lab-images/ live: the app root in a checkout; in an installed app,
 * Electron's resources folder — the parent of the app root, which is `resources/app.asar` (or
 * `resources/app`, the unpacked form Electron also runs) — because the installer carries them
 * as extraResources next to it (not inside it) so the main process and `docker build` read them
 * as plain files. Taken from the path, not from `process.resourcesPath`, because the `kubelab`
 * command of an installed app runs as Electron-as-node, where that may not be set.
 */
export function resourcesRoot(): string {
  return installedResources() ?? appRoot();
}

/** An installed app's resources folder (see resourcesRoot); null in a checkout. */
export function installedResources(): string | null {
  const root = appRoot();
  return isInstalledAppRoot(root) ? dirname(root) : null;
}

function isInstalledAppRoot(root: string): boolean {
  if (/[\\/]app\.asar$/.test(root)) return true;
  return /[\\/]resources[\\/]app$/.test(root) && existsSync(join(dirname(root), 'lab-images'));
}
