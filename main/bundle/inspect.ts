// What a bundle file is, without reading all of it: the manifest is its first tar entry. Used by
// `kubelab bundle inspect` and the first-run screen to list bundles found next to the app.
import { createReadStream } from 'node:fs';
import { readdir, stat } from 'node:fs/promises';
import { join, resolve } from 'node:path';
import type { Readable } from 'node:stream';
import tar from 'tar-stream';
import { kubelabHome } from '../paths.ts';
import type { WorkshopManifest } from './manifest.ts';
import { MANIFEST_ENTRY, checkManifest } from './manifest.ts';
import { refuseBundle } from './verify.ts';

export const BUNDLE_EXTENSION = '.kubelab';

/** Reads and checks the manifest only; a refusal says why this machine cannot take the bundle. */
export async function readBundleManifest(
  file: string,
  arch: string = process.arch,
): Promise<WorkshopManifest> {
  const source = createReadStream(file);
  const extract = tar.extract();
  const first = new Promise<Buffer>((resolvePromise, reject) => {
    extract.once('entry', (header: tar.Headers, stream: Readable) => {
      if (header.name !== MANIFEST_ENTRY) {
        reject(refuseBundle(file, `its first entry is ${header.name}, not ${MANIFEST_ENTRY}`));
        return;
      }
      const chunks: Buffer[] = [];
      stream.on('data', (chunk: Buffer) => chunks.push(chunk));
      stream.on('end', () => resolvePromise(Buffer.concat(chunks)));
    });
    extract.once('error', (error) =>
      reject(refuseBundle(file, `it is not a bundle (${error.message})`)),
    );
    extract.once('finish', () => reject(refuseBundle(file, 'it is empty (no manifest)')));
  });
  source.on('error', (error) => extract.destroy(error));
  source.pipe(extract);
  try {
    const buffer = await first;
    let raw: unknown;
    try {
      raw = JSON.parse(buffer.toString('utf8'));
    } catch {
      throw refuseBundle(file, 'its manifest is not JSON');
    }
    const checked = checkManifest(raw, { arch });
    if (!checked.ok) throw refuseBundle(file, checked.why);
    return checked.manifest;
  } finally {
    source.destroy();
    extract.destroy();
  }
}

/**
 * Folders a first-run screen looks in, nearest first: an explicit KUBELAB_BUNDLE_DIR, the
 * `bundle/` an instructor-packaged installer carries (Electron's resources folder), the folder
 * an AppImage was started from, and KUBELAB_HOME/bundles.
 */
export function bundleSearchFolders(): string[] {
  const folders: string[] = [];
  if (process.env.KUBELAB_BUNDLE_DIR) folders.push(resolve(process.env.KUBELAB_BUNDLE_DIR));
  const resourcesPath = (process as { resourcesPath?: string }).resourcesPath;
  if (resourcesPath) folders.push(join(resourcesPath, 'bundle'));
  if (process.env.APPIMAGE) folders.push(resolve(process.env.APPIMAGE, '..'));
  folders.push(join(kubelabHome(), 'bundles'));
  return [...new Set(folders)];
}

/** Bundle files (`*.kubelab`) in those folders; unreadable folders are skipped. */
export async function findBundleFiles(folders = bundleSearchFolders()): Promise<string[]> {
  const found: string[] = [];
  for (const folder of folders) {
    const names = await readdir(folder).catch(() => [] as string[]);
    for (const name of names.filter((n) => n.endsWith(BUNDLE_EXTENSION)).sort()) {
      const path = join(folder, name);
      if (
        await stat(path).then(
          (s) => s.isFile(),
          () => false,
        )
      )
        found.push(path);
    }
  }
  return found;
}
