// `kubelab images pack FILE` / `kubelab images load FILE`: every lab image in one file that an
// instructor carries to an offline workshop. The file is a tar holding a manifest (versions,
// image IDs, size and SHA-256 of the payload) followed by the payload (gzip of `docker save`).
// `load` verifies the whole payload before it imports anything, so a corrupt, truncated or
// foreign bundle leaves the engine as it was.
import { createHash } from 'node:crypto';
import { createReadStream, createWriteStream } from 'node:fs';
import { mkdtemp, rm, stat } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { PassThrough, Transform } from 'node:stream';
import type { Readable } from 'node:stream';
import { finished, pipeline } from 'node:stream/promises';
import { createGunzip, createGzip } from 'node:zlib';
import type Docker from 'dockerode';
import tar from 'tar-stream';
import { LabError } from '../api/errors.ts';
import { followToEnd, imageExists, saveImages } from '../engine/images.ts';
import { imageHash, imageRef } from './hash.ts';
import { BUNDLE_FORMAT, BundleManifestSchema } from './bundle-manifest.ts';
import type { BundleImage, BundleManifest } from './bundle-manifest.ts';
import { foreignTags, payloadTagReader } from './payload-tags.ts';
import type { PayloadTags } from './payload-tags.ts';

export { BUNDLE_FORMAT };
export type { BundleImage, BundleManifest };

const MANIFEST = 'kubelab-images.json';
const PAYLOAD = 'images.tar.gz';

/** Counts and hashes whatever flows through. */
export function digestStream(): Transform & { digest(): { bytes: number; sha256: string } } {
  const hash = createHash('sha256');
  let bytes = 0;
  const stream = new Transform({
    transform(chunk: Buffer, _encoding, done) {
      hash.update(chunk);
      bytes += chunk.length;
      done(null, chunk);
    },
  });
  return Object.assign(stream, { digest: () => ({ bytes, sha256: hash.digest('hex') }) });
}

export async function packImages(
  client: Docker,
  names: string[],
  file: string,
  onProgress: (message: string) => void,
): Promise<BundleManifest> {
  const images: BundleImage[] = [];
  for (const name of names) {
    const ref = await imageRef(name);
    let info: Docker.ImageInspectInfo;
    try {
      info = await client.getImage(ref).inspect();
    } catch {
      throw new LabError(
        'IMAGE_MISSING',
        `The ${name} image (${ref}) is not built, so it cannot be packed.`,
        { fix: `Run \`kubelab images build ${name}\` first.` },
      );
    }
    images.push({ name, ref, hash: await imageHash(name), imageId: info.Id, sizeBytes: info.Size });
  }
  const work = await mkdtemp(join(tmpdir(), 'kubelab-pack-'));
  try {
    const payloadPath = join(work, PAYLOAD);
    onProgress(`saving ${images.length} images (docker save | gzip)`);
    const saved = await saveImages(
      client,
      images.map((image) => image.ref),
    );
    const digest = digestStream();
    await pipeline(saved, createGzip({ level: 1 }), digest, createWriteStream(payloadPath));
    const manifest: BundleManifest = {
      format: BUNDLE_FORMAT,
      createdAt: new Date().toISOString(),
      arch: process.arch,
      images,
      payload: { file: PAYLOAD, ...digest.digest() },
    };
    onProgress(`writing ${file}`);
    const pack = tar.pack();
    const written = pipeline(pack, createWriteStream(file));
    pack.entry({ name: MANIFEST }, JSON.stringify(manifest, null, 2));
    const entry = pack.entry({ name: PAYLOAD, size: manifest.payload.bytes });
    await pipeline(createReadStream(payloadPath), entry);
    pack.finalize();
    await written;
    return manifest;
  } finally {
    await rm(work, { recursive: true, force: true });
  }
}

/** The format first (its own message), then the schema: names, refs and hashes of the images. */
function parseManifest(file: string, raw: unknown): BundleManifest {
  const format = (raw as { format?: unknown } | null)?.format;
  if (format !== BUNDLE_FORMAT)
    throw refuse(
      file,
      `its format is ${typeof format === 'string' ? format : 'missing'}, this kubelab reads ${BUNDLE_FORMAT}`,
    );
  const parsed = BundleManifestSchema.safeParse(raw);
  if (!parsed.success) {
    const issue = parsed.error.issues[0];
    throw refuse(
      file,
      `its image manifest is malformed (${issue?.path.join('.') || 'manifest'}: ${issue?.message ?? 'invalid'})`,
    );
  }
  return parsed.data;
}

function refuse(file: string, why: string): LabError {
  return new LabError(
    'BAD_BUNDLE',
    `${file} is not a usable kubelab image bundle: ${why}. Nothing was imported.`,
    {
      fix: 'Copy the bundle again from the instructor (compare its size and checksum), or rebuild it with `kubelab images pack FILE`.',
    },
  );
}

/**
 * Hands each entry of the tar read from `source` to `take`, one at a time, and resolves only
 * once every entry has been taken (a pipeline into tar-stream's extract resolves when the input
 * is written, which can be before the last entries are handled).
 */
export async function eachEntry(
  source: Readable,
  take: (name: string, stream: Readable) => Promise<void>,
): Promise<void> {
  const extract = tar.extract();
  source.on('error', (error) => extract.destroy(error));
  source.pipe(extract);
  try {
    for await (const entry of extract) await take(entry.header.name, entry);
  } finally {
    source.destroy();
  }
}

export interface VerifiedImages {
  manifest: BundleManifest;
  /** The verified gzip of `docker save`, in the caller's work folder. */
  payloadPath: string;
}

/** Reads and verifies the bundle into a temporary payload file; imports nothing. */
async function verifyBundle(file: string, work: string): Promise<VerifiedImages> {
  return verifyImagesStream(createReadStream(file), file, work);
}

/**
 * Verifies an images bundle read from `source` (a file, or an entry of a workshop bundle) into
 * `work`; imports nothing. `label` names it in refusals.
 */
export async function verifyImagesStream(
  source: Readable,
  label: string,
  work: string,
): Promise<VerifiedImages> {
  const file = label;
  let manifest: BundleManifest | undefined;
  let rawManifest: unknown;
  const payloadPath = join(work, PAYLOAD);
  let payload: { bytes: number; sha256: string } | undefined;
  let tags: PayloadTags | undefined;
  try {
    await eachEntry(source, async (name, stream) => {
      if (name === MANIFEST) {
        const chunks: Buffer[] = [];
        for await (const chunk of stream as AsyncIterable<Buffer>) chunks.push(chunk);
        try {
          rawManifest = JSON.parse(Buffer.concat(chunks).toString('utf8')) as unknown;
        } catch {
          throw refuse(file, 'its manifest is not JSON');
        }
        manifest = parseManifest(file, rawManifest);
      } else if (name === PAYLOAD && manifest) {
        // One pass: the bytes are hashed, written aside and read for the tags they would apply.
        const digest = digestStream();
        const toFile = createWriteStream(payloadPath);
        const reader = payloadTagReader();
        digest.pipe(toFile);
        digest.pipe(reader);
        await Promise.all([pipeline(stream, digest), finished(toFile), finished(reader)]);
        payload = digest.digest();
        tags = await reader.result;
      } else {
        stream.resume();
        await finished(stream);
      }
    });
  } catch (error) {
    if (error instanceof LabError) throw error;
    throw refuse(
      file,
      `it is truncated or damaged (${error instanceof Error ? error.message : String(error)})`,
    );
  }
  if (!manifest) throw refuse(file, 'it has no manifest');
  if (manifest.arch !== process.arch)
    throw refuse(file, `it holds ${manifest.arch} images and this machine is ${process.arch}`);
  if (!payload) throw refuse(file, 'its image payload is missing (truncated?)');
  if (payload.bytes !== manifest.payload.bytes)
    throw refuse(
      file,
      `its payload is ${payload.bytes} bytes, the manifest says ${manifest.payload.bytes} (truncated?)`,
    );
  if (payload.sha256 !== manifest.payload.sha256)
    throw refuse(file, 'its payload checksum does not match the manifest (corrupted)');
  const foreign = tags
    ? foreignTags(
        tags,
        manifest.images.map((image) => image.ref),
      )
    : 'its image payload was not read';
  if (foreign) throw refuse(file, foreign);
  return { manifest, payloadPath };
}

export async function loadImages(
  client: Docker,
  file: string,
  onProgress: (message: string) => void,
): Promise<BundleManifest> {
  try {
    await stat(file);
  } catch {
    throw new LabError('NO_FILE', `There is no file ${file}.`);
  }
  const work = await mkdtemp(join(tmpdir(), 'kubelab-load-'));
  try {
    onProgress('verifying the bundle (size, checksum, architecture)');
    const verified = await verifyBundle(file, work);
    onProgress(`importing ${verified.manifest.images.length} images`);
    await importVerifiedImages(client, verified, file);
    return verified.manifest;
  } finally {
    await rm(work, { recursive: true, force: true });
  }
}

/**
 * Imports verified images; on any failure removes the images this import added, so nothing is
 * left half-imported.
 */
export async function importVerifiedImages(
  client: Docker,
  { manifest, payloadPath }: VerifiedImages,
  file: string,
  onBytes: (done: number, total: number) => void = () => undefined,
): Promise<void> {
  const before = new Map<string, boolean>();
  for (const image of manifest.images) before.set(image.ref, await imageExists(client, image.ref));
  try {
    const stream = new PassThrough();
    const loading = client.loadImage(stream, { quiet: true });
    let fed = 0;
    const source = createReadStream(payloadPath);
    source.on('data', (chunk: Buffer | string) => {
      fed += chunk.length;
      onBytes(fed, manifest.payload.bytes);
    });
    const feed = pipeline(source, createGunzip(), stream);
    const output = await loading;
    await feed;
    await followToEnd(client, output);
    for (const image of manifest.images) {
      const info = await client.getImage(image.ref).inspect();
      if (info.Id !== image.imageId)
        throw new LabError(
          'BAD_BUNDLE',
          `${image.ref} loaded as ${info.Id}, expected ${image.imageId}`,
        );
      // `docker save` keeps the hash tag; give it the :latest tag too, as a build does.
      await client.getImage(image.ref).tag({ repo: `kubelab/${image.name}`, tag: 'latest' });
    }
  } catch (error) {
    // Take back what this load added, so a failed import leaves nothing half-done.
    for (const [ref, existed] of before)
      if (!existed)
        await client
          .getImage(ref)
          .remove()
          .catch(() => undefined);
    throw new LabError(
      'LOAD_FAILED',
      `Importing ${file} failed: ${error instanceof Error ? error.message : String(error)}. Images it added were removed again.`,
      {
        fix: 'Check free disk space (docker system df) and run the load again.',
      },
    );
  }
}
