// Creating a new scenario folder, for `kubelab scenarios new` and `import`: a kebab-case id (the
// folder's name is the scenario's id), never over an existing folder, and all at once — the files
// are written into a hidden folder beside it that is then renamed, so a failure halfway leaves
// nothing a later lint or catalogue would mistake for a scenario.
import { mkdir, mkdtemp, rename, rm, stat, writeFile } from 'node:fs/promises';
import { basename, dirname, join, resolve } from 'node:path';
import { LabError } from '../api/errors.ts';
import { KEBAB } from './schema.ts';

/** Throws BAD_SCENARIO_ID unless `id` is kebab-case. */
export function checkScenarioId(id: string, what = 'ID'): void {
  if (!KEBAB.test(id)) {
    throw new LabError(
      'BAD_SCENARIO_ID',
      `${what} "${id}" is not kebab-case: a scenario's id is its folder's name, e.g. my-first-scenario.`,
    );
  }
}

async function exists(path: string): Promise<boolean> {
  return stat(path).then(
    () => true,
    () => false,
  );
}

/** Writes `files` (relative path → content) as the new folder `dir`; refuses an existing one. */
export async function writeNewFolder(
  dir: string,
  files: ReadonlyMap<string, string>,
): Promise<void> {
  const target = resolve(dir);
  if (await exists(target)) {
    throw new LabError(
      'FOLDER_EXISTS',
      `${dir} already exists; kubelab does not write over a folder.`,
      {
        fix: `Pick another name, or move ${dir} away first.`,
      },
    );
  }
  await mkdir(dirname(target), { recursive: true });
  const staging = await mkdtemp(join(dirname(target), `.${basename(target)}-`));
  try {
    for (const [path, content] of files) {
      const full = join(staging, path);
      await mkdir(dirname(full), { recursive: true });
      await writeFile(full, content);
    }
    // rename() does not refuse an empty folder made meanwhile, so look once more.
    if (await exists(target)) {
      throw new LabError('FOLDER_EXISTS', `${dir} appeared while it was being written.`, {
        fix: `Move ${dir} away and run the command again.`,
      });
    }
    await rename(staging, target);
  } catch (error) {
    await rm(staging, { recursive: true, force: true });
    throw error;
  }
}
