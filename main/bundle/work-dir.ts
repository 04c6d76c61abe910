// Scratch space for bundle create/load: under KUBELAB_HOME (on the learner's disk, not a small
// tmpfs), and on the same filesystem as the installed scenarios so installing them is a rename.
import { mkdir, mkdtemp, readFile, readdir, rm, stat, statfs, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { kubelabHome } from '../paths.ts';
import { processAlive } from '../process-alive.ts';

/** Each work folder names the process that owns it, so a later run can tell it was abandoned. */
const OWNER_FILE = '.owner-pid';
/** A folder without an owner file (made by an older kubelab) is abandoned after a day. */
const UNOWNED_MAX_AGE_MS = 24 * 60 * 60 * 1000;

async function abandoned(dir: string): Promise<boolean> {
  const owner = await readFile(join(dir, OWNER_FILE), 'utf8').then(Number, () => null);
  if (owner) return owner !== process.pid && !processAlive(owner);
  const stats = await stat(dir).catch(() => null);
  return stats !== null && Date.now() - stats.mtimeMs > UNOWNED_MAX_AGE_MS;
}

/**
 * Removes work folders whose process is gone: a killed `bundle create` (Ctrl-C twice, a closed
 * window) leaves a half-written images file of up to gigabytes behind.
 */
export async function sweepAbandonedWorkDirs(parent: string): Promise<string[]> {
  const entries = await readdir(parent, { withFileTypes: true }).catch(() => []);
  const removed: string[] = [];
  for (const entry of entries) {
    const dir = join(parent, entry.name);
    if (!entry.isDirectory() || !(await abandoned(dir))) continue;
    await rm(dir, { recursive: true, force: true });
    removed.push(dir);
  }
  return removed;
}

export async function makeWorkDir(prefix: string): Promise<string> {
  const parent = join(kubelabHome(), 'tmp');
  await mkdir(parent, { recursive: true });
  await sweepAbandonedWorkDirs(parent);
  const dir = await mkdtemp(join(parent, `${prefix}-`));
  await writeFile(join(dir, OWNER_FILE), String(process.pid));
  return dir;
}

export async function freeBytes(dir: string): Promise<number> {
  const stats = await statfs(dir);
  return stats.bavail * stats.bsize;
}

/** Every file under `dir`, as paths relative to it with `/` separators, sorted. */
export async function filesUnder(dir: string, prefix = ''): Promise<string[]> {
  const entries = await readdir(join(dir, prefix), { withFileTypes: true });
  const nested = await Promise.all(
    entries.map(async (entry): Promise<string[]> => {
      const path = prefix ? `${prefix}/${entry.name}` : entry.name;
      if (entry.isDirectory()) return filesUnder(dir, path);
      return entry.isFile() ? [path] : [];
    }),
  );
  return nested.flat().sort();
}

export function removeWorkDir(dir: string): Promise<void> {
  return rm(dir, { recursive: true, force: true });
}
