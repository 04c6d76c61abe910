// Where the learner's own kubeconfig lives and how kubelab edits it: the first file of
// $KUBECONFIG (as kubectl writes to it), else ~/.kube/config. Edits take kubectl's own lock
// (`<file>.lock`, created exclusively, as client-go's clientcmd does), write a temporary file
// beside it and rename it over the original, so a reader never sees half a file and a
// concurrent `kubectl config use-context` cannot interleave.
import { constants } from 'node:fs';
import { chmod, mkdir, open, readFile, rename, rm, stat, writeFile } from 'node:fs/promises';
import { homedir } from 'node:os';
import { delimiter, dirname, join } from 'node:path';
import { LabError } from '../api/errors.ts';
import { labDir } from './config.ts';
import { labEntries, spliceKubeconfig } from './kubeconfig-merge.ts';

export function contextName(lab: string): string {
  return `kubelab-${lab}`;
}

/** The kubeconfig kubectl would write to. */
export function userKubeconfigPath(env: NodeJS.ProcessEnv = process.env): string {
  const first = (env.KUBECONFIG ?? '').split(delimiter).find((path) => path.trim());
  return first ?? join(homedir(), '.kube', 'config');
}

async function readOrEmpty(path: string): Promise<string> {
  try {
    return await readFile(path, 'utf8');
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return '';
    throw error;
  }
}

async function withFileLock<T>(path: string, work: () => Promise<T>): Promise<T> {
  const lock = `${path}.lock`;
  const deadline = Date.now() + 5_000;
  for (;;) {
    try {
      await (
        await open(lock, constants.O_CREAT | constants.O_EXCL | constants.O_WRONLY, 0o600)
      ).close();
      break;
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== 'EEXIST') throw error;
      if (Date.now() > deadline) {
        throw new LabError(
          'KUBECONFIG_LOCKED',
          `${lock} exists: another program is editing ${path}.`,
          {
            fix: `Wait for it to finish; if nothing is running, delete ${lock} and try again.`,
          },
        );
      }
      await new Promise((resolve) => setTimeout(resolve, 100));
    }
  }
  try {
    return await work();
  } finally {
    await rm(lock, { force: true });
  }
}

async function edit(path: string, change: (text: string) => string): Promise<boolean> {
  await mkdir(dirname(path), { recursive: true, mode: 0o700 });
  return withFileLock(path, async () => {
    const before = await readOrEmpty(path);
    const after = change(before);
    if (after === before) return false;
    const mode = await stat(path).then(
      (s) => s.mode & 0o777,
      () => 0o600,
    );
    const temporary = `${path}.kubelab-${process.pid}.tmp`;
    await writeFile(temporary, after, { mode });
    await chmod(temporary, mode);
    await rename(temporary, path);
    return true;
  });
}

/** The lab's own kubeconfig, as `kubelab up` wrote it. */
export async function labKubeconfigText(lab: string): Promise<string> {
  const path = join(labDir(lab), 'kubeconfig');
  try {
    return await readFile(path, 'utf8');
  } catch {
    throw new LabError('LAB_NOT_FOUND', `Lab "${lab}" has no kubeconfig (${path}).`, {
      fix: `Start it first: kubelab up --lab ${lab}`,
    });
  }
}

/** A standalone kubeconfig with only the lab, under its kubelab-<lab> names. */
export async function standaloneKubeconfig(lab: string): Promise<string> {
  const name = contextName(lab);
  return spliceKubeconfig('', name, labEntries(name, await labKubeconfigText(lab)));
}

/** Writes (or replaces) kubelab-<lab> in the learner's kubeconfig and switches to it. */
export async function mergeLabKubeconfig(
  lab: string,
  path = userKubeconfigPath(),
): Promise<string> {
  const name = contextName(lab);
  const entries = labEntries(name, await labKubeconfigText(lab));
  await edit(path, (text) => spliceKubeconfig(text, name, entries));
  return path;
}

/** Takes kubelab-<lab> out of the learner's kubeconfig again; false when it was not there. */
export async function removeLabKubeconfig(
  lab: string,
  path = userKubeconfigPath(),
): Promise<boolean> {
  if (!(await readOrEmpty(path)).includes(contextName(lab))) return false;
  return edit(path, (text) => spliceKubeconfig(text, contextName(lab), null));
}
