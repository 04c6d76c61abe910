// Pushes engine images into the lab registry in one pass over a single `docker save` of all of
// them — what the first lab on a machine waits for. The engine's own push gzips every layer on
// one core (49 s for the workload images here) and a save per image exports the shared Debian
// layer once per image; one save exports each layer once, and its layers go up as they are
// (uncompressed tars: nothing to compress here, nothing for containerd to decompress on a node).
// Layers are uploaded as they stream by, under one repository, and mounted into the others.
import type { Readable } from 'node:stream';
import { LabError } from '../api/errors.ts';
import {
  ArchiveManifestSchema,
  MAX_MANIFEST_BYTES,
  bufferStream,
  layerMediaType,
  linkTarget,
  putOciImage,
  readAll,
  readTar,
} from './archive-push.ts';
import type { ArchiveImage, StoredBlob } from './archive-push.ts';
import { mountBlob, uploadBlob } from './registry-http.ts';

/** Entries up to this size are kept in memory (configs, legacy layer metadata, tiny layers). */
const SMALL_ENTRY_BYTES = 1024 * 1024;

export interface PushTarget {
  repository: string;
  tag: string;
}

function badSave(why: string): LabError {
  // The fix is the code's own (error-codes.ts).
  return new LabError('IMAGE_SAVE_INVALID', `The engine's image export could not be read: ${why}.`);
}

/**
 * Reads the `docker save` stream once and pushes each image it holds under its targets. Every
 * layer is uploaded to `staging` (one of the targets' repositories) and mounted elsewhere.
 * Returns the manifest digest of each pushed `repository:tag`.
 */
export async function pushSavedImages(
  saved: NodeJS.ReadableStream,
  registry: string,
  staging: string,
  targets: (image: ArchiveImage) => PushTarget[],
  onProgress: (message: string) => void,
): Promise<Map<string, string>> {
  const uploaded = new Map<string, StoredBlob>();
  const small = new Map<string, Buffer>();
  const links = new Map<string, string>();
  let manifestText: string | null = null;
  let layers = 0;
  await readTar(saved, async (name: string, header, stream: Readable) => {
    if (header.type === 'symlink' || header.type === 'link') {
      links.set(name, linkTarget(name, header));
    } else if (header.type !== 'file') {
      return;
    } else if (name === 'manifest.json') {
      manifestText = (await readAll(stream, MAX_MANIFEST_BYTES)).toString('utf8');
    } else if ((header.size ?? 0) <= SMALL_ENTRY_BYTES) {
      small.set(name, await readAll(stream, SMALL_ENTRY_BYTES));
    } else {
      layers++;
      onProgress(`layer ${layers} (${((header.size ?? 0) / 1024 ** 2).toFixed(0)} MiB)`);
      const blob = await uploadBlob(registry, staging, stream);
      uploaded.set(name, { ...blob, mediaType: layerMediaType(blob) });
    }
  }).catch((error: unknown) => {
    if (error instanceof LabError) throw error;
    throw badSave(error instanceof Error ? error.message : String(error));
  });
  if (manifestText === null) throw badSave('it has no manifest.json');
  let images: ArchiveImage[];
  try {
    images = ArchiveManifestSchema.parse(JSON.parse(manifestText));
  } catch (error) {
    throw badSave(`its manifest.json is malformed (${(error as Error).message})`);
  }
  const resolve = (name: string): string => links.get(name) ?? name;
  const layerOf = async (name: string): Promise<StoredBlob> => {
    const path = resolve(name);
    const found = uploaded.get(path);
    if (found) return found;
    const bytes = small.get(path);
    if (!bytes) throw badSave(`its layer ${name} is missing`);
    const blob = await uploadBlob(registry, staging, bufferStream(bytes));
    const stored = { ...blob, mediaType: layerMediaType(blob) };
    uploaded.set(path, stored);
    return stored;
  };
  const pushed = new Map<string, string>();
  for (const image of images) {
    const config = small.get(resolve(image.Config));
    if (!config) throw badSave(`its image config ${image.Config} is missing`);
    const imageLayers: StoredBlob[] = [];
    for (const layer of image.Layers) imageLayers.push(await layerOf(layer));
    for (const { repository, tag } of targets(image)) {
      if (repository !== staging) {
        for (const { digest } of imageLayers) {
          if (!(await mountBlob(registry, repository, digest, staging)))
            throw new LabError(
              'REGISTRY_PUSH_FAILED',
              `The lab registry would not share a layer of ${staging} with ${repository}.`,
              { fix: 'Run `kubelab up` again; if it persists, remove the registry volume.' },
            );
        }
      }
      pushed.set(
        `${repository}:${tag}`,
        await putOciImage(registry, repository, tag, config, imageLayers),
      );
    }
  }
  return pushed;
}
