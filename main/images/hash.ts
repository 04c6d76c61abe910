// Content hash of an image's inputs: its folder's files, its spec, and its dependencies' hashes.
// The hash names the image (kubelab/<name>:<hash>) and sits in a label, so "is it up to date?"
// is a lookup, and a warm machine rebuilds nothing.
import { createHash } from 'node:crypto';
import { readdir, readFile, stat } from 'node:fs/promises';
import { join, relative } from 'node:path';
import { resourcesRoot } from '../paths.ts';
import { imageSpec } from './catalog.ts';
import type { ImageSpec } from './catalog.ts';

/** Bump to rebuild every image after a change to how images are built. */
const FORMAT = 'kubelab-images-1';

/** Outputs of host-side prepare scripts (e.g. ghost's build/), never inputs. */
export function isBuildOutput(name: string): boolean {
  return name === 'build' || name.startsWith('build.tmp');
}

/**
 * Files of a folder, relative and sorted. As hash inputs: no dot-files, node_modules or build
 * outputs. As a build context: everything but the folder's own dot-files (.gitignore, markers) —
 * a prepared context's build/ and node_modules are its payload.
 */
export async function listFiles(
  dir: string,
  options: { skipBuildOutputs: boolean },
): Promise<string[]> {
  const files: string[] = [];
  const skip = (name: string, top: boolean): boolean =>
    options.skipBuildOutputs
      ? name === 'node_modules' || name.startsWith('.') || isBuildOutput(name)
      : top && name.startsWith('.');
  const walk = async (current: string): Promise<void> => {
    for (const entry of await readdir(current, { withFileTypes: true })) {
      if (skip(entry.name, current === dir)) continue;
      const path = join(current, entry.name);
      if (entry.isDirectory()) await walk(path);
      else if (entry.isFile()) files.push(relative(dir, path));
    }
  };
  await walk(dir);
  return files.sort();
}

export function imageFolder(spec: ImageSpec): string {
  return join(resourcesRoot(), 'lab-images', spec.folder);
}

async function folderDigest(dir: string): Promise<string> {
  const hash = createHash('sha256');
  for (const file of await listFiles(dir, { skipBuildOutputs: true })) {
    const path = join(dir, file);
    const executable = ((await stat(path)).mode & 0o111) !== 0;
    hash.update(`${file}\0${executable ? 'x' : '-'}\0`);
    hash.update(await readFile(path));
    hash.update('\0');
  }
  return hash.digest('hex');
}

const memo = new Map<string, Promise<string>>();

export function imageHash(name: string): Promise<string> {
  let pending = memo.get(name);
  if (!pending) {
    pending = computeHash(imageSpec(name));
    memo.set(name, pending);
  }
  return pending;
}

/** Forget memoised hashes (after editing lab-images/ in a long-running process). */
export function forgetHashes(): void {
  memo.clear();
}

async function computeHash(spec: ImageSpec): Promise<string> {
  const hash = createHash('sha256');
  hash.update(FORMAT);
  hash.update(
    JSON.stringify({
      name: spec.name,
      kind: spec.kind,
      target: spec.target ?? null,
      args: spec.args ?? {},
      prepare: spec.prepare ?? null,
      clusterNames: spec.clusterNames,
    }),
  );
  hash.update(await folderDigest(imageFolder(spec)));
  // Components share lab-images/components; their binaries come from the binaries image.
  for (const dep of [...Object.values(spec.args ?? {}), ...(spec.inputs ?? [])].sort()) {
    hash.update(`${dep}=${await imageHash(dep)}`);
  }
  return hash.digest('hex').slice(0, 16);
}

export async function imageRef(name: string): Promise<string> {
  return `kubelab/${name}:${await imageHash(name)}`;
}
