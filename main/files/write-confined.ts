// Writing a file that was confined a moment ago, without trusting that moment: a learner's
// process in a node can swap the file (or its folder) for a symlink between the check and the
// write. So the file is opened with O_NOFOLLOW (a symlink in its place fails with ELOOP), the
// open descriptor is checked to be a regular file, and confinement is checked again on what
// was actually opened — its real path via /proc/self/fd on Linux, else the folder's real path
// and the (device, inode) of the name — before a single byte is written. A file it had to create
// where it should not have is removed again.
import { constants } from 'node:fs';
import { lstat, open, realpath, unlink } from 'node:fs/promises';
import type { FileHandle } from 'node:fs/promises';
import { dirname, sep } from 'node:path';
import { LabError } from '../api/errors.ts';

function refused(why: string): LabError {
  return new LabError('BAD_PATH', `Not saved: ${why}.`, {
    fix: 'Something changed the file or its folder while saving; look at it in a node terminal.',
  });
}

function inside(root: string, candidate: string): boolean {
  return candidate === root || candidate.startsWith(root.endsWith(sep) ? root : root + sep);
}

async function openedPath(handle: FileHandle): Promise<string | null> {
  if (process.platform !== 'linux') return null;
  try {
    return await realpath(`/proc/self/fd/${handle.fd}`);
  } catch {
    return null;
  }
}

async function openNoFollow(file: string): Promise<{ handle: FileHandle; created: boolean }> {
  const { O_WRONLY, O_CREAT, O_EXCL, O_NOFOLLOW } = constants;
  try {
    try {
      return { handle: await open(file, O_WRONLY | O_NOFOLLOW), created: false };
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== 'ENOENT') throw error;
      return {
        handle: await open(file, O_WRONLY | O_CREAT | O_EXCL | O_NOFOLLOW, 0o644),
        created: true,
      };
    }
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    if (code === 'ELOOP') throw refused('it became a symlink');
    if (code === 'EEXIST') throw refused('it appeared while saving');
    throw error;
  }
}

/** `file` came from confineForWrite under `root` (a real path). */
export async function writeConfined(root: string, file: string, bytes: Buffer): Promise<void> {
  const { handle, created } = await openNoFollow(file);
  try {
    const opened = await handle.stat();
    if (!opened.isFile()) throw refused('it is not a regular file');
    const real = await openedPath(handle);
    if (real !== null) {
      if (!inside(root, real)) throw refused('it now leads outside the folder');
    } else {
      const folder = await realpath(dirname(file));
      const named = await lstat(file);
      if (!inside(root, folder) || named.ino !== opened.ino || named.dev !== opened.dev) {
        throw refused('it now leads outside the folder');
      }
    }
    await handle.truncate(0);
    await handle.write(bytes, 0, bytes.length, 0);
  } catch (error) {
    // A file this call created where it should not be is taken away again — by inode, so
    // nothing else of that name is ever removed.
    if (created) await removeIfSame(file, await handle.stat());
    throw error;
  } finally {
    await handle.close();
  }
}

async function removeIfSame(file: string, opened: { ino: number; dev: number }): Promise<void> {
  try {
    const named = await lstat(file);
    if (named.ino === opened.ino && named.dev === opened.dev) await unlink(file);
  } catch {
    // gone already
  }
}
