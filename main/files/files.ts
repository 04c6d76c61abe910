// List, read and write inside a lab's learner folders (Files view). Every path goes through
// confine.ts first; sizes are bounded so a stray 2 GB file cannot freeze the UI.
import { lstat, readdir, readFile, realpath, stat } from 'node:fs/promises';
import { join } from 'node:path';
import { LabError } from '../api/errors.ts';
import { FILE_READ_LIMIT, FILE_WRITE_LIMIT } from '../api/schemas/files.ts';
import type { FileContent, FileEntry, FileRootView } from '../api/schemas/files.ts';
import type { LabConfig } from '../lab/config.ts';
import { confineExisting, confineForWrite } from './confine.ts';
import { fileRoots, rootNamed } from './roots.ts';
import { looksBinary } from './text-or-binary.ts';
import { writeConfined } from './write-confined.ts';

export async function listRoots(config: LabConfig): Promise<FileRootView[]> {
  return Promise.all(
    fileRoots(config).map(async (root) => ({
      ...root,
      exists: await stat(root.hostPath).then(
        (s) => s.isDirectory(),
        () => false,
      ),
    })),
  );
}

function entryKind(s: Awaited<ReturnType<typeof lstat>>): FileEntry['kind'] {
  if (s.isSymbolicLink()) return 'symlink';
  if (s.isDirectory()) return 'dir';
  if (s.isFile()) return 'file';
  return 'other';
}

export async function listFolder(
  config: LabConfig,
  rootId: string,
  path: string,
): Promise<{ root: string; path: string; entries: FileEntry[] }> {
  const folder = await confineExisting(rootNamed(config, rootId).hostPath, path);
  if (!(await stat(folder)).isDirectory()) {
    throw new LabError('NOT_A_FOLDER', `"${path}" is a file, not a folder.`, {
      fix: 'Open it in the viewer instead.',
    });
  }
  const names = await readdir(folder);
  const entries = await Promise.all(
    names.map(async (name): Promise<FileEntry | null> => {
      try {
        const s = await lstat(join(folder, name));
        return { name, kind: entryKind(s), size: Number(s.size), modifiedMs: Number(s.mtimeMs) };
      } catch {
        return null; // Removed between readdir and lstat.
      }
    }),
  );
  const present = entries.filter((e): e is FileEntry => e !== null);
  // Folders first, then by name: the order a file manager uses.
  present.sort((a, b) =>
    a.kind === 'dir' && b.kind !== 'dir'
      ? -1
      : b.kind === 'dir' && a.kind !== 'dir'
        ? 1
        : a.name.localeCompare(b.name),
  );
  return { root: rootId, path, entries: present };
}

export async function readTextFile(
  config: LabConfig,
  rootId: string,
  path: string,
): Promise<FileContent> {
  const file = await confineExisting(rootNamed(config, rootId).hostPath, path);
  const s = await stat(file);
  if (!s.isFile()) {
    throw new LabError('NOT_A_FILE', `"${path}" is not a regular file.`, {
      fix: 'Open a file; folders are browsed in the tree.',
    });
  }
  if (s.size > FILE_READ_LIMIT) {
    throw new LabError(
      'FILE_TOO_LARGE',
      `"${path}" is ${(s.size / 1024 / 1024).toFixed(1)} MiB; Files shows files up to 1 MiB.`,
      { fix: `Look at it in a node terminal, e.g. \`less ${path}\` or \`head -c 2000 ${path}\`.` },
    );
  }
  const bytes = await readFile(file);
  if (looksBinary(bytes)) return { kind: 'binary', size: s.size, modifiedMs: s.mtimeMs };
  return { kind: 'text', content: bytes.toString('utf8'), size: s.size, modifiedMs: s.mtimeMs };
}

export async function writeTextFile(
  config: LabConfig,
  rootId: string,
  path: string,
  content: string,
): Promise<{ size: number; modifiedMs: number }> {
  const bytes = Buffer.from(content, 'utf8');
  if (bytes.length > FILE_WRITE_LIMIT) {
    throw new LabError(
      'FILE_TOO_LARGE',
      `That is ${(bytes.length / 1024).toFixed(0)} KiB; Files saves text up to 256 KiB.`,
      { fix: 'Write larger files from a node terminal.' },
    );
  }
  const rootPath = rootNamed(config, rootId).hostPath;
  const file = await confineForWrite(rootPath, path);
  await writeConfined(await realpath(rootPath), file, bytes);
  const s = await stat(file);
  return { size: s.size, modifiedMs: s.mtimeMs };
}
