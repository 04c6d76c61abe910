// Scratch space for bundle create/load: under KUBELAB_HOME (on the learner's disk, not a small
// tmpfs), and on the same filesystem as the installed scenarios so installing them is a rename.
import { mkdir, mkdtemp, readdir, rm, statfs } from 'node:fs/promises';
import { join } from 'node:path';
import { kubelabHome } from '../paths.ts';

export async function makeWorkDir(prefix: string): Promise<string> {
  const parent = join(kubelabHome(), 'tmp');
  await mkdir(parent, { recursive: true });
  return mkdtemp(join(parent, `${prefix}-`));
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
