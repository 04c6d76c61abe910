// What a bundle file is, without reading all of it: the manifest is its first tar entry. Used by
// `kubelab bundle inspect` and the first-run screen to list bundles found next to the app.
import { createReadStream } from 'node:fs';
import { readdir, stat } from 'node:fs/promises';
import { join, resolve } from 'node:path';
import type { Readable } from 'node:stream';
import tar from 'tar-stream';
import { installedResources, kubelabHome } from '../paths.ts';
import type { WorkshopManifest } from './manifest.ts';
import { MANIFEST_ENTRY, checkManifest } from './manifest.ts';
import { SIGNATURE_ENTRY, checkSignature } from './signature.ts';
import { refuseBundle } from './verify.ts';

export const BUNDLE_EXTENSION = '.kubelab';

/** The manifest and who signed it — from the first two entries only, never the large ones. */
export interface BundleHead {
  manifest: WorkshopManifest;
  /** The verified signer's fingerprint, or null when the bundle is unsigned. */
  signer: string | null;
}

/** Reads the first two tar entries: the manifest and, when present, its signature. */
function firstTwoEntries(
  file: string,
): Promise<{ entries: [string, Buffer][]; close: () => void }> {
  const source = createReadStream(file);
  const extract = tar.extract();
  const entries: [string, Buffer][] = [];
  const close = (): void => {
    source.destroy();
    extract.destroy();
  };
  const done = new Promise<{ entries: [string, Buffer][]; close: () => void }>(
    (resolvePromise, reject) => {
      extract.on('entry', (header: tar.Headers, stream: Readable, next: () => void) => {
        // the second entry is only read when it is the small signature; content is never read
        if (
          (entries.length === 0 && header.name !== MANIFEST_ENTRY) ||
          (entries.length === 1 && header.name !== SIGNATURE_ENTRY)
        ) {
          entries.push([header.name, Buffer.alloc(0)]);
          resolvePromise({ entries, close });
          return;
        }
        const chunks: Buffer[] = [];
        stream.on('data', (chunk: Buffer) => chunks.push(chunk));
        stream.on('end', () => {
          entries.push([header.name, Buffer.concat(chunks)]);
          if (entries.length === 2) resolvePromise({ entries, close });
          else next();
        });
      });
      extract.once('error', (error) =>
        reject(refuseBundle(file, `it is not a bundle (${error.message})`)),
      );
      extract.once('finish', () => resolvePromise({ entries, close }));
    },
  );
  source.on('error', (error) => extract.destroy(error));
  source.pipe(extract);
  return done;
}

/** Reads and checks the manifest and its signature; a refusal says why the bundle is unusable. */
export async function readBundleHead(
  file: string,
  arch: string = process.arch,
): Promise<BundleHead> {
  const { entries, close } = await firstTwoEntries(file);
  try {
    const [first, second] = entries;
    if (!first) throw refuseBundle(file, 'it is empty (no manifest)');
    if (first[0] !== MANIFEST_ENTRY)
      throw refuseBundle(file, `its first entry is ${first[0]}, not ${MANIFEST_ENTRY}`);
    let raw: unknown;
    try {
      raw = JSON.parse(first[1].toString('utf8'));
    } catch {
      throw refuseBundle(file, 'its manifest is not JSON');
    }
    const checked = checkManifest(raw, { arch });
    if (!checked.ok) throw refuseBundle(file, checked.why);
    let signer: string | null = null;
    if (second?.[0] === SIGNATURE_ENTRY) {
      const signature = checkSignature(first[1], second[1]);
      if (!signature.ok) throw refuseBundle(file, signature.why);
      signer = signature.fingerprint;
    }
    return { manifest: checked.manifest, signer };
  } finally {
    close();
  }
}

/** Reads and checks the manifest only; a refusal says why this machine cannot take the bundle. */
export async function readBundleManifest(
  file: string,
  arch: string = process.arch,
): Promise<WorkshopManifest> {
  return (await readBundleHead(file, arch)).manifest;
}

/**
 * Folders a first-run screen looks in, nearest first: an explicit KUBELAB_BUNDLE_DIR, the
 * `bundle/` an instructor-packaged installer carries (Electron's resources folder), the folder
 * an AppImage was started from, and KUBELAB_HOME/bundles.
 */
export function bundleSearchFolders(): string[] {
  const folders: string[] = [];
  if (process.env.KUBELAB_BUNDLE_DIR) folders.push(resolve(process.env.KUBELAB_BUNDLE_DIR));
  const resources = installedResources();
  if (resources) folders.push(join(resources, 'bundle'));
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
