// Pushes the images of a `docker save` archive (plain or gzip; Docker's classic layout or the OCI
// layout Docker 25+ writes) straight into the lab registry, without loading them into the
// learner's engine — so no tag of theirs is ever replaced. Two reads of the file: the first finds
// manifest.json, the second streams each config and layer it names into the registry. Layers go
// up as they are stored (uncompressed tars, or gzip when the archive holds gzip), under an OCI
// image manifest.
import { createReadStream } from 'node:fs';
import { open } from 'node:fs/promises';
import { posix } from 'node:path';
import { Readable } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import { createGunzip } from 'node:zlib';
import tar from 'tar-stream';
import { z } from 'zod';
import { LabError } from '../api/errors.ts';
import { putManifest, uploadBlob } from './registry-http.ts';
import type { PushedBlob } from './registry-http.ts';

export const ArchiveManifestSchema = z
  .array(
    z.object({
      Config: z.string().min(1),
      RepoTags: z.array(z.string()).nullish(),
      Layers: z.array(z.string().min(1)),
      /**
       * kubelab's own (registry-export.ts): the registry manifest's exact bytes and type, put
       * as they are so the image keeps its digest. Docker's archives have none.
       */
      Manifest: z.string().min(1).optional(),
      ManifestMediaType: z.string().min(1).optional(),
    }),
  )
  .min(1);
export type ArchiveImage = z.infer<typeof ArchiveManifestSchema>[number];

const OCI_MANIFEST = 'application/vnd.oci.image.manifest.v1+json';
const OCI_CONFIG = 'application/vnd.oci.image.config.v1+json';
export const MAX_MANIFEST_BYTES = 4 * 1024 * 1024;

function badArchive(file: string, why: string): LabError {
  return new LabError('IMAGE_ARCHIVE_INVALID', `${file} is not a docker save archive: ${why}.`);
}

async function isGzip(file: string): Promise<boolean> {
  const handle = await open(file, 'r');
  try {
    const head = Buffer.alloc(2);
    await handle.read(head, 0, 2, 0);
    return head[0] === 0x1f && head[1] === 0x8b;
  } finally {
    await handle.close();
  }
}

export type EntryHandler = (
  name: string,
  header: tar.Headers,
  stream: Readable,
) => Promise<void> | void;

/** Reads a tar stream once, handing every entry to `onEntry` (which must consume or drain it). */
export async function readTar(
  source: NodeJS.ReadableStream,
  onEntry: EntryHandler,
  gzip = false,
): Promise<void> {
  const extract = tar.extract();
  extract.on('entry', (header, stream, next) => {
    const name = posix.normalize(header.name.replace(/^\.\//, ''));
    const ended = new Promise<void>((resolve) => stream.on('end', () => resolve()));
    Promise.resolve(onEntry(name, header, stream))
      .then(async () => {
        stream.resume(); // what the handler left unread is drained
        await ended;
        next();
      })
      .catch((error: unknown) =>
        extract.destroy(error instanceof Error ? error : new Error(String(error))),
      );
  });
  if (gzip) await pipeline(source, createGunzip(), extract);
  else await pipeline(source, extract);
}

/** Reads the archive file once (plain or gzip), as readTar. */
async function readArchive(file: string, onEntry: EntryHandler): Promise<void> {
  const source = createReadStream(file);
  try {
    await readTar(source, onEntry, await isGzip(file));
  } catch (error) {
    if (error instanceof LabError) throw error;
    throw badArchive(file, error instanceof Error ? error.message : String(error));
  }
}

export async function readAll(stream: Readable, limit: number): Promise<Buffer> {
  const chunks: Buffer[] = [];
  let size = 0;
  for await (const chunk of stream) {
    size += (chunk as Buffer).length;
    if (size > limit) throw new Error(`more than ${limit} bytes`);
    chunks.push(chunk as Buffer);
  }
  return Buffer.concat(chunks);
}

/** The images the archive holds (its manifest.json), read without touching any engine. */
export async function archiveImages(file: string): Promise<ArchiveImage[]> {
  let text: string | null = null;
  await readArchive(file, async (name, header, stream) => {
    if (name === 'manifest.json' && (header.size ?? 0) <= MAX_MANIFEST_BYTES)
      text = (await readAll(stream, MAX_MANIFEST_BYTES)).toString('utf8');
  });
  if (text === null) throw badArchive(file, 'it has no manifest.json');
  try {
    return ArchiveManifestSchema.parse(JSON.parse(text));
  } catch (error) {
    throw badArchive(file, `its manifest.json is malformed (${(error as Error).message})`);
  }
}

export interface StoredBlob extends PushedBlob {
  mediaType: string;
}

/** Where a link entry points, as an archive path. */
export function linkTarget(name: string, header: tar.Headers): string {
  const target = header.linkname ?? '';
  return header.type === 'symlink'
    ? posix.normalize(posix.join(posix.dirname(name), target))
    : posix.normalize(target.replace(/^\.\//, ''));
}

/**
 * Pushes each image of the archive to `repository:tag` as `targets` maps it (one image, one or
 * more names). Returns each pushed name's manifest digest.
 */
export async function pushArchive(
  file: string,
  registry: string,
  images: ArchiveImage[],
  targets: (image: ArchiveImage) => Array<{ repository: string; tag: string }>,
  onProgress: (message: string) => void,
): Promise<Map<string, string>> {
  const manifests = new Set(images.flatMap((image) => (image.Manifest ? [image.Manifest] : [])));
  const wanted = new Set([
    ...images.flatMap((image) => [image.Config, ...image.Layers]),
    ...manifests,
  ]);
  const configs = new Set([...images.map((image) => image.Config), ...manifests]);
  // Blobs are uploaded under the first target's repository; the registry mounts nothing across
  // repositories on its own, so each further repository gets the same bytes again below.
  const firstRepo = targets(images[0]!)[0]!.repository;
  const stored = new Map<string, StoredBlob>();
  const configBytes = new Map<string, Buffer>();
  const links = new Map<string, string>();
  let layerCount = 0;
  await readArchive(file, async (name, header, stream) => {
    if (!wanted.has(name)) return;
    if (header.type === 'symlink' || header.type === 'link') {
      links.set(name, linkTarget(name, header));
      return;
    }
    if (configs.has(name)) {
      const bytes = await readAll(stream, MAX_MANIFEST_BYTES);
      configBytes.set(name, bytes);
      return;
    }
    layerCount++;
    onProgress(`layer ${layerCount}: ${name} (${((header.size ?? 0) / 1024 ** 2).toFixed(1)} MiB)`);
    const blob = await uploadBlob(registry, firstRepo, stream);
    stored.set(name, { ...blob, mediaType: layerMediaType(blob) });
  });
  const resolve = (name: string): string => links.get(name) ?? name;
  const pushed = new Map<string, string>();
  for (const image of images) {
    const config = configBytes.get(resolve(image.Config));
    if (!config) throw badArchive(file, `its image config ${image.Config} is missing`);
    const layers = image.Layers.map((layer) => {
      const blob = stored.get(resolve(layer));
      if (!blob) throw badArchive(file, `its layer ${layer} is missing`);
      return blob;
    });
    for (const { repository, tag } of targets(image)) {
      if (repository !== firstRepo) await copyBlobs(file, registry, repository, image, resolve);
      const kept = image.Manifest ? configBytes.get(resolve(image.Manifest)) : undefined;
      if (image.Manifest && !kept)
        throw badArchive(file, `its manifest ${image.Manifest} is missing`);
      if (kept && image.ManifestMediaType) {
        await uploadBlob(registry, repository, bufferStream(config));
        pushed.set(
          `${repository}:${tag}`,
          await putManifest(
            registry,
            repository,
            tag,
            image.ManifestMediaType,
            kept.toString('utf8'),
          ),
        );
        continue;
      }
      pushed.set(
        `${repository}:${tag}`,
        await putOciImage(registry, repository, tag, config, layers),
      );
    }
  }
  return pushed;
}

export function bufferStream(bytes: Buffer): Readable {
  return Readable.from([bytes]);
}

/** A layer as stored in an archive: an uncompressed tar, or gzip when its bytes say so. */
export function layerMediaType(blob: PushedBlob): string {
  return `application/vnd.oci.image.layer.v1.tar${blob.gzip ? '+gzip' : ''}`;
}

/**
 * Uploads an image config into `repository` and puts an OCI manifest naming it and the layers
 * (already in that repository) under `tag`. Returns the manifest's digest.
 */
export async function putOciImage(
  registry: string,
  repository: string,
  tag: string,
  config: Buffer,
  layers: readonly StoredBlob[],
): Promise<string> {
  const configBlob = await uploadBlob(registry, repository, bufferStream(config));
  const manifest = JSON.stringify({
    schemaVersion: 2,
    mediaType: OCI_MANIFEST,
    config: { mediaType: OCI_CONFIG, digest: configBlob.digest, size: configBlob.size },
    layers: layers.map(({ mediaType, digest, size }) => ({ mediaType, digest, size })),
  });
  return putManifest(registry, repository, tag, OCI_MANIFEST, manifest);
}

/** The layers of one image once more, into another repository (rare: several names in one archive). */
async function copyBlobs(
  file: string,
  registry: string,
  repository: string,
  image: ArchiveImage,
  resolve: (name: string) => string,
): Promise<void> {
  const layers = new Set(image.Layers.map(resolve));
  await readArchive(file, async (name, header, stream) => {
    if (layers.has(name) && header.type !== 'symlink' && header.type !== 'link')
      await uploadBlob(registry, repository, stream);
  });
}
