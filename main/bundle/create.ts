// `kubelab bundle create FILE`: the one artefact an instructor carries to an offline workshop —
// the lab images (in the `kubelab images pack` format, unchanged), the chosen scenarios and a
// manifest first (versions, architecture, per-entry size and SHA-256, free disk a load needs).
// Written to FILE.partial and renamed at the end, so a half-written file never has the name.
import { createHash } from 'node:crypto';
import { createReadStream, createWriteStream } from 'node:fs';
import { access, constants, readFile, rename, rm, stat } from 'node:fs/promises';
import { dirname, join, resolve } from 'node:path';
import { pipeline } from 'node:stream/promises';
import type Docker from 'dockerode';
import { engineArch } from '../engine/arch.ts';
import tar from 'tar-stream';
import { LabError } from '../api/errors.ts';
import { appVersion } from '../app-version.ts';
import { packImages } from '../images/bundle.ts';
import { pinnedVersions } from '../images/versions.ts';
import { lintScenarioFolder } from '../scenarios/lint.ts';
import type { LoadedScenario } from '../scenarios/load.ts';
import { formatProblem, hasErrors } from '../scenarios/problems.ts';
import type { BundleEntry, WorkshopManifest } from './manifest.ts';
import { SIGNATURE_ENTRY, signManifest } from './signature.ts';
import {
  ADDED_IMAGES_ENTRY,
  IMAGES_ENTRY,
  MANIFEST_ENTRY,
  SCENARIOS_PREFIX,
  WORKSHOP_FORMAT,
} from './manifest.ts';
import type { AddedImage } from '../images/added.ts';
import { IMAGE_CATALOG } from '../images/catalog.ts';
import { exportRegistryImages } from '../images/registry-export.ts';
import { withScratchRegistry } from '../lab/registry.ts';
import { filesUnder, makeWorkDir, removeWorkDir } from './work-dir.ts';

export type BundleProgress = (phase: string, percent: number, message: string) => void;

export interface CreateOptions {
  /** Lab image names (catalogue names) to carry. */
  images: string[];
  scenarios: LoadedScenario[];
  onProgress?: BundleProgress;
  /** An Ed25519 private key (PKCS#8 PEM) to sign the manifest with (`--sign KEY`). */
  signingKeyPem?: string;
  /** Images added to the lab registry to carry (`kubelab images add`); none by default. */
  addedImages?: readonly AddedImage[];
}

async function fileEntry(path: string, file: string): Promise<BundleEntry> {
  const hash = createHash('sha256');
  let bytes = 0;
  for await (const chunk of createReadStream(file) as AsyncIterable<Buffer>) {
    hash.update(chunk);
    bytes += chunk.length;
  }
  return { path, bytes, sha256: hash.digest('hex') };
}

/** Fails before minutes of `docker save` when the bundle could not be written anyway. */
async function requireWritableFolder(file: string): Promise<void> {
  const folder = dirname(resolve(file));
  const info = await stat(folder).catch(() => null);
  if (!info?.isDirectory())
    throw new LabError('BAD_REQUEST', `The folder ${folder} for the bundle does not exist.`, {
      fix: `Create it first (mkdir -p ${folder}) or name a file in an existing folder.`,
    });
  await access(folder, constants.W_OK).catch(() => {
    throw new LabError('BAD_REQUEST', `The folder ${folder} is not writable.`, {
      fix: 'Name a file in a folder you can write to.',
    });
  });
}

/** A scenario with lint errors would fail at the workshop: refuse it here, with the errors. */
async function requireClean(scenario: LoadedScenario): Promise<void> {
  const problems = await lintScenarioFolder(scenario.dir);
  if (hasErrors(problems))
    throw new LabError('BAD_SCENARIO', `Scenario "${scenario.id}" has lint errors.`, {
      details: problems.filter((p) => p.severity === 'error').map(formatProblem),
      fix: `kubelab scenarios lint ${scenario.dir}`,
    });
}

/**
 * The lab images to carry: as asked, plus the registry's own image when added images ride along —
 * `bundle load` pushes those into a registry started from it, and a learner's machine may have
 * no lab image at all yet.
 */
export function imagesToCarry(images: readonly string[], addedCount: number): string[] {
  return addedCount > 0 && !images.includes('registry') ? [...images, 'registry'] : [...images];
}

/** Those of `names` under which the lab registry serves the lab's own workload images. */
export function namesTheLabServes(names: readonly string[]): string[] {
  const served = new Set(IMAGE_CATALOG.flatMap((spec) => spec.clusterNames));
  return names.filter((name) => served.has(name));
}

/**
 * An added image may not take a name the lab itself serves (busybox, nginx, … under their
 * docker.io names): loaded at a workshop, it would replace the image every scenario runs.
 */
export function requireOwnNames(images: readonly { name: string }[]): void {
  const taken = namesTheLabServes(images.map((image) => image.name));
  if (taken.length)
    throw new LabError(
      'BAD_REQUEST',
      `A bundle cannot carry ${taken.join(', ')}: the lab serves its own image under that name.`,
      { fix: 'Add your image under a name of its own (kubelab images add SOURCE --as NAME:TAG).' },
    );
}

export async function createWorkshopBundle(
  client: Docker,
  file: string,
  {
    images: asked,
    scenarios,
    onProgress = () => undefined,
    signingKeyPem,
    addedImages = [],
  }: CreateOptions,
): Promise<WorkshopManifest> {
  if (asked.length === 0)
    throw new LabError('BAD_REQUEST', 'A bundle needs at least one image.', {
      fix: 'Leave out --images to carry every lab image.',
    });
  await requireWritableFolder(file);
  for (const scenario of scenarios) await requireClean(scenario);
  requireOwnNames(addedImages);
  const images = imagesToCarry(asked, addedImages.length);
  if (images.length > asked.length)
    onProgress('images', 0, 'adding the registry image: the added images are loaded through it');
  const work = await makeWorkDir('bundle-create');
  const partial = `${file}.partial`;
  try {
    onProgress('images', 0, `saving ${images.length} images (docker save | gzip)`);
    const imagesFile = join(work, IMAGES_ENTRY);
    const packed = await packImages(client, images, imagesFile, (message) =>
      onProgress('images', 10, message),
    );
    const sources = new Map<string, string>([[IMAGES_ENTRY, imagesFile]]);
    if (addedImages.length) {
      onProgress('images', 50, `reading ${addedImages.length} added images from the lab registry`);
      const addedFile = join(work, ADDED_IMAGES_ENTRY);
      await withScratchRegistry(client, (base) =>
        exportRegistryImages(base, addedImages, addedFile, (message) =>
          onProgress('images', 55, message),
        ),
      );
      sources.set(ADDED_IMAGES_ENTRY, addedFile);
    }
    onProgress('checksums', 60, 'hashing entries');
    for (const scenario of scenarios)
      for (const relative of await filesUnder(scenario.dir))
        sources.set(`${SCENARIOS_PREFIX}${scenario.id}/${relative}`, join(scenario.dir, relative));
    const entries: BundleEntry[] = [];
    for (const [path, source] of sources) entries.push(await fileEntry(path, source));
    const entryBytes = entries.reduce((sum, entry) => sum + entry.bytes, 0);
    const imageBytes = packed.images.reduce((sum, image) => sum + image.sizeBytes, 0);
    const manifest: WorkshopManifest = {
      format: WORKSHOP_FORMAT,
      kubelabVersion: appVersion(),
      createdAt: new Date().toISOString(),
      arch: await engineArch(client),
      versions: { ...pinnedVersions() },
      images: packed.images.map(({ name, ref, imageId }) => ({ name, ref, imageId })),
      scenarios: scenarios.map(({ id, scenario }) => ({ id, title: scenario.title })),
      ...(addedImages.length
        ? { addedImages: addedImages.map(({ name, digest }) => ({ name, digest })) }
        : {}),
      entries,
      requiredDiskBytes: entryBytes + imageBytes,
    };
    onProgress('writing', 70, `writing ${file}`);
    const pack = tar.pack();
    const written = pipeline(pack, createWriteStream(partial));
    const manifestBytes = Buffer.from(JSON.stringify(manifest, null, 2));
    pack.entry({ name: MANIFEST_ENTRY }, manifestBytes);
    // The signature vouches for these exact bytes, which hold every other entry's SHA-256.
    if (signingKeyPem !== undefined)
      pack.entry({ name: SIGNATURE_ENTRY }, signManifest(manifestBytes, signingKeyPem).entry);
    let done = 0;
    for (const entry of entries) {
      const source = sources.get(entry.path) ?? '';
      if (entry.bytes < 1024 * 1024) {
        pack.entry({ name: entry.path }, await readFile(source));
      } else {
        await pipeline(
          createReadStream(source),
          pack.entry({ name: entry.path, size: entry.bytes }),
        );
      }
      done += entry.bytes;
      onProgress('writing', 70 + (done / entryBytes) * 30, entry.path);
    }
    pack.finalize();
    await written;
    await rename(partial, file);
    onProgress('done', 100, `${file}: ${(await stat(file)).size} bytes`);
    return manifest;
  } catch (error) {
    await rm(partial, { force: true });
    throw error;
  } finally {
    await removeWorkDir(work);
  }
}
