// Turns (root folder, relative path from the UI) into a real path that is certainly inside the
// root: no absolute paths, no "..", and — after following symlinks — still under the root's own
// real path (a learner can make /mnt/data/x a link to /etc inside a node; on the host that link
// must not lead Files out of the lab's folder).
import { lstat, realpath } from 'node:fs/promises';
import { basename, dirname, join, sep } from 'node:path';
import { LabError } from '../api/errors.ts';

/** Splits a UI path ("", "data", "data/index.html") into checked segments. */
export function pathSegments(relative: string): string[] {
  if (relative.includes('\0')) throw badPath(relative, 'it contains a NUL character');
  if (relative.startsWith('/') || relative.startsWith('\\') || /^[a-zA-Z]:/.test(relative)) {
    throw badPath(relative, 'it is absolute; give it relative to the folder');
  }
  const segments = relative.split(/[/\\]+/).filter((s) => s !== '' && s !== '.');
  if (segments.includes('..')) throw badPath(relative, '".." may not leave the folder');
  return segments;
}

function badPath(relative: string, why: string): LabError {
  return new LabError('BAD_PATH', `The path "${relative}" is not allowed: ${why}.`, {
    fix: 'Pick a file or folder inside the learner folders shown in Files.',
  });
}

function inside(root: string, candidate: string): boolean {
  return candidate === root || candidate.startsWith(root.endsWith(sep) ? root : root + sep);
}

async function realRoot(rootPath: string): Promise<string> {
  try {
    return await realpath(rootPath);
  } catch {
    throw new LabError('NO_FOLDER', `The folder ${rootPath} does not exist yet.`, {
      fix: 'Start the lab once (`kubelab up`): it creates the learner folders.',
    });
  }
}

/** An existing file or folder under the root; symlinks followed, and must stay inside. */
export async function confineExisting(rootPath: string, relative: string): Promise<string> {
  const root = await realRoot(rootPath);
  const joined = join(root, ...pathSegments(relative));
  let real: string;
  try {
    real = await realpath(joined);
  } catch {
    throw new LabError('NOT_FOUND', `"${relative}" does not exist.`, {
      fix: 'Refresh the folder: it may have been removed or renamed.',
    });
  }
  if (!inside(root, real)) {
    throw badPath(relative, 'it is a link that leads outside the folder');
  }
  return real;
}

/**
 * A file to write: its folder must exist inside the root; the file itself may be new, but if it
 * exists it must not be a symlink (writing through it could land outside).
 */
export async function confineForWrite(rootPath: string, relative: string): Promise<string> {
  const segments = pathSegments(relative);
  if (segments.length === 0) throw badPath(relative, 'it names the folder itself, not a file');
  const parent = await confineExisting(rootPath, segments.slice(0, -1).join('/'));
  const target = join(parent, basename(segments.join('/')));
  try {
    const stat = await lstat(target);
    if (stat.isSymbolicLink()) throw badPath(relative, 'it is a symlink');
    if (!stat.isFile()) throw badPath(relative, 'it is not a regular file');
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code !== 'ENOENT') throw error;
  }
  if (dirname(target) !== parent) throw badPath(relative, 'it does not name a file');
  return target;
}
