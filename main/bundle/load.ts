// `kubelab bundle load FILE` (and the first-run screen): verify everything, then import. The
// order is what keeps a bad bundle from leaving anything behind: (1) the whole file is read and
// checked into a work folder — manifest, architecture, free disk, every size and checksum;
// (2) the unpacked scenarios must load; only then (3) the images are imported (an import that
// fails removes what it added) and (4) the scenarios are moved into KUBELAB_HOME/scenarios,
// each by one rename, replacing an earlier copy of the same scenario; (5) the workload images go
// into the lab registry (lab/registry-fill.ts), so the first lab start has nothing to push.
import { createReadStream } from 'node:fs';
import { mkdir, rename, rm, stat } from 'node:fs/promises';
import { basename, join } from 'node:path';
import { Transform, pipeline } from 'node:stream';
import type Docker from 'dockerode';
import { engineArch } from '../engine/arch.ts';
import { LabError } from '../api/errors.ts';
import { importVerifiedImages } from '../images/bundle.ts';
import { archiveImages } from '../images/archive-push.ts';
import { addImages } from '../lab/images-add.ts';
import { fillSharedRegistry } from '../lab/registry-fill.ts';
import { namesTheLabServes } from './create.ts';
import { defaultScenariosRoot, installedScenariosRoot, loadScenario } from '../scenarios/load.ts';
import { formatProblem } from '../scenarios/problems.ts';
import type { BundleProgress } from './create.ts';
import type { WorkshopManifest } from './manifest.ts';
import type { VerifiedBundle } from './verify.ts';
import { refuseBundle, verifyWorkshopStream } from './verify.ts';
import { freeBytes, makeWorkDir, removeWorkDir } from './work-dir.ts';

export interface LoadOptions {
  onProgress?: BundleProgress;
  /** For tests: the architecture this machine claims. */
  arch?: string;
  /** Whether to go on with this signer (a fingerprint) or, for null, with an unsigned bundle. */
  decideTrust: (signer: string | null) => Promise<boolean>;
}

export interface LoadResult {
  manifest: WorkshopManifest;
  signer: string | null;
  installedScenarios: string[];
  /** Installed scenarios that now stand in for a built-in one of the same id. */
  replacedBuiltIns: string[];
  seconds: number;
}

/** Which of the bundle's scenario ids a built-in scenario already has (documented precedence). */
async function builtInIds(ids: readonly string[]): Promise<string[]> {
  const present = await Promise.all(
    ids.map((id) =>
      stat(join(defaultScenariosRoot(), id)).then(
        (s) => s.isDirectory(),
        () => false,
      ),
    ),
  );
  return ids.filter((_, i) => present[i]);
}

const gib = (bytes: number): string => `${(bytes / 1024 ** 3).toFixed(2)} GiB`;

async function requireFreeDisk(
  file: string,
  work: string,
  manifest: WorkshopManifest,
): Promise<void> {
  const free = await freeBytes(work);
  if (free < manifest.requiredDiskBytes)
    throw refuseBundle(
      file,
      `loading it needs ${gib(manifest.requiredDiskBytes)} free disk and ${work} has ${gib(free)}`,
    );
}

/**
 * The added images are pushed under the names their archive holds: those must be the names the
 * (checksummed, maybe signed) manifest lists, and none the lab serves itself.
 */
async function requireAddedNames(file: string, verified: VerifiedBundle): Promise<void> {
  const listed = new Set((verified.manifest.addedImages ?? []).map((image) => image.name));
  const names = (await archiveImages(verified.addedImagesFile!)).flatMap(
    (image) => image.RepoTags ?? [],
  );
  const unlisted = names.filter((name) => !listed.has(name));
  if (unlisted.length)
    throw refuseBundle(
      file,
      `its added images include ${unlisted.join(', ')}, which its manifest does not list`,
    );
  const taken = namesTheLabServes(names);
  if (taken.length)
    throw refuseBundle(file, `its added images would replace the lab's own ${taken.join(', ')}`);
}

/** Every unpacked scenario must load here before anything is imported. */
async function requireScenariosLoad(file: string, verified: VerifiedBundle): Promise<void> {
  for (const { id } of verified.manifest.scenarios) {
    const result = await loadScenario(join(verified.scenariosDir, id));
    if (!result.ok)
      throw refuseBundle(
        file,
        `its scenario "${id}" does not load in this kubelab (${result.problems.map(formatProblem).join('; ')})`,
      );
  }
}

async function installScenarios(verified: VerifiedBundle): Promise<string[]> {
  const root = installedScenariosRoot();
  await mkdir(root, { recursive: true });
  const installed: string[] = [];
  for (const { id } of verified.manifest.scenarios) {
    const target = join(root, id);
    const old = join(root, `.replaced-${id}-${Date.now()}`);
    const hadOld = await stat(target).then(
      () => true,
      () => false,
    );
    if (hadOld) await rename(target, old);
    try {
      await rename(join(verified.scenariosDir, id), target);
    } catch (error) {
      if (hadOld) await rename(old, target);
      throw error;
    }
    if (hadOld) await rm(old, { recursive: true, force: true });
    installed.push(id);
  }
  return installed;
}

export async function loadWorkshopBundle(
  client: Docker,
  file: string,
  { onProgress = () => undefined, arch, decideTrust }: LoadOptions,
): Promise<LoadResult> {
  const started = Date.now();
  const size = await stat(file).then(
    (s) => (s.isFile() ? s.size : -1),
    () => -1,
  );
  if (size < 0)
    throw new LabError('NO_FILE', `There is no bundle file ${file}.`, {
      fix: 'Give the path of the .kubelab file the instructor handed out.',
    });
  const work = await makeWorkDir('bundle-load');
  try {
    const machineArch = arch ?? (await engineArch(client));
    // Progress counts bytes as they pass through a Transform, which holds them until the
    // verifier reads. (A 'data' listener on the file stream itself starts it flowing at once:
    // whatever was read before the verifier attached after its first await was lost, and a
    // small bundle then looked empty.)
    let read = 0;
    let shown = -1;
    const counted = new Transform({
      transform(chunk: Buffer, _encoding, done): void {
        read += chunk.length;
        const percent = Math.floor((read / size) * 100);
        if (percent !== shown)
          onProgress('verify', (shown = percent) * 0.5, 'checking sizes and checksums');
        done(null, chunk);
      },
    });
    // pipeline: a read error reaches the verifier through `counted`, and when the verifier
    // stops early (a refusal) the file is closed too.
    pipeline(createReadStream(file), counted, () => undefined);
    const verified = await verifyWorkshopStream(counted, file, work, {
      arch: machineArch,
      onManifest: (manifest) => requireFreeDisk(file, work, manifest),
      decideTrust,
    });
    await requireScenariosLoad(file, verified);
    if (verified.addedImagesFile) await requireAddedNames(file, verified);
    onProgress('images', 50, `importing ${verified.manifest.images.length} images`);
    await importVerifiedImages(client, verified.images, file, (done, total) =>
      onProgress('images', 50 + (done / total) * 40, 'importing images'),
    );
    if (verified.addedImagesFile) {
      // After the lab images: the registry that takes them is one of those images.
      onProgress('images', 90, 'pushing the added images into the lab registry');
      await addImages(
        client,
        verified.addedImagesFile,
        undefined,
        (message) => onProgress('images', 92, message),
        `bundle ${basename(file)}`,
      );
    }
    onProgress('scenarios', 95, `installing ${verified.manifest.scenarios.length} scenarios`);
    const installedScenarios = await installScenarios(verified);
    const replacedBuiltIns = await builtInIds(installedScenarios);
    // The workload images into the lab registry now, so the first lab has nothing to push. Not
    // fatal: everything the bundle holds is in place, and a lab start pushes what is missing.
    onProgress('registry', 97, 'workload images into the lab registry');
    const fillNote = await fillSharedRegistry(client, (message) =>
      onProgress('registry', 97, message),
    ).then(
      () => '',
      (error: unknown) =>
        `; the lab registry was not filled (${error instanceof Error ? error.message : String(error)}), so the first lab start pushes the images`,
    );
    const seconds = (Date.now() - started) / 1000;
    onProgress(
      'done',
      100,
      `loaded in ${seconds.toFixed(0)} s` +
        (replacedBuiltIns.length
          ? `; the bundle's ${replacedBuiltIns.join(', ')} replace${replacedBuiltIns.length === 1 ? 's' : ''} the built-in scenario${replacedBuiltIns.length === 1 ? '' : 's'} of that name`
          : '') +
        fillNote,
    );
    return {
      manifest: verified.manifest,
      signer: verified.signer,
      installedScenarios,
      replacedBuiltIns,
      seconds,
    };
  } finally {
    await removeWorkDir(work);
  }
}
