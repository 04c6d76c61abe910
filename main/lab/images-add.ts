// `kubelab images add REF|FILE.tar [--as NAME:TAG]`: an image of the learner's own (from their
// engine, or a `docker save` file) into the lab registry under its own name, for any registry
// host, so a pod that names it pulls it as it would from the internet. The registry volume is
// shared by every lab, so one add serves them all; running labs get the mirror entry for a new
// host at once, the others when they next start.
import { stat } from 'node:fs/promises';
import type Docker from 'dockerode';
import { LabError } from '../api/errors.ts';
import { addedHosts, recordAddedImages } from '../images/added.ts';
import type { AddedImage } from '../images/added.ts';
import { archiveImages, pushArchive } from '../images/archive-push.ts';
import type { ArchiveImage } from '../images/archive-push.ts';
import { pushEngineImage } from '../images/engine-push.ts';
import { labRegistryPath, parseImageRef } from '../images/reference.ts';
import type { ImageReference } from '../images/reference.ts';
import { manifestDigest } from '../images/registry-http.ts';
import { LAB_LABEL, LAB_ROLE_LABEL } from '../engine/labels.ts';
import { withScratchRegistry } from './registry.ts';
import { writeRegistryMirrors } from './registry-mirrors.ts';

export interface ImagesAddResult {
  added: AddedImage[];
  /** Node containers that got a mirror entry now (running labs). */
  mirroredInto: string[];
}

async function isFile(path: string): Promise<boolean> {
  try {
    return (await stat(path)).isFile();
  } catch {
    return false;
  }
}

/** The names an archive's image goes up as: --as, else its own tags. */
function archiveTargets(
  images: ArchiveImage[],
  as: ImageReference | null,
  file: string,
): Map<ArchiveImage, ImageReference[]> {
  if (as && images.length > 1) {
    throw new LabError(
      'BAD_ARGUMENT',
      `${file} holds ${images.length} images; --as names only one.`,
      { fix: 'Add it without --as (each image under its own tags), or save one image per file.' },
    );
  }
  const targets = new Map<ArchiveImage, ImageReference[]>();
  for (const image of images) {
    const names = as ? [as] : (image.RepoTags ?? []).map(parseImageRef);
    if (!names.length) {
      throw new LabError('BAD_ARGUMENT', `An image in ${file} has no name (it was saved by ID).`, {
        fix: `Give it one: kubelab images add ${file} --as NAME:TAG`,
      });
    }
    targets.set(image, names);
  }
  return targets;
}

export async function addImages(
  client: Docker,
  source: string,
  asName: string | undefined,
  onProgress: (message: string) => void,
  /** What the record says the images came from (a bundle names itself, not its work file). */
  recordedSource: string = source,
): Promise<ImagesAddResult> {
  const as = asName === undefined ? null : parseImageRef(asName);
  const fromFile = await isFile(source);
  const addedAt = new Date().toISOString();
  const added = await withScratchRegistry(client, async (base, port) => {
    const results: AddedImage[] = [];
    const record = async (image: ImageReference, from: string): Promise<void> => {
      const path = labRegistryPath(image);
      const digest = await manifestDigest(base, path, image.tag);
      if (digest === null)
        throw new LabError(
          'REGISTRY_PUSH_FAILED',
          `${image.full} is not in the lab registry after its push.`,
        );
      results.push({
        name: image.full,
        host: image.host,
        path,
        tag: image.tag,
        digest,
        source: from,
        addedAt,
      });
    };
    if (fromFile) {
      const images = await archiveImages(source);
      const targets = archiveTargets(images, as, source);
      onProgress(`${source}: ${images.length} image(s), pushing into the lab registry`);
      await pushArchive(
        source,
        base,
        images,
        (image) =>
          (targets.get(image) ?? []).map((ref) => ({
            repository: labRegistryPath(ref),
            tag: ref.tag,
          })),
        onProgress,
      );
      for (const refs of targets.values())
        for (const ref of refs) await record(ref, recordedSource);
      return results;
    }
    let inspected: Docker.ImageInspectInfo;
    try {
      inspected = await client.getImage(source).inspect();
    } catch {
      throw new LabError(
        'IMAGE_MISSING',
        `There is no image "${source}" in Docker, and no file of that name.`,
        {
          fix: `Pull or build it first (docker pull ${source}), or pass a file written by docker save.`,
        },
      );
    }
    const target = as ?? parseImageRef(source);
    onProgress(`${source} (${inspected.Id.slice(7, 19)}) → ${target.full}`);
    await pushEngineImage(client, port, inspected.Id, labRegistryPath(target), target.tag);
    await record(target, recordedSource);
    return results;
  });
  await recordAddedImages(added);
  // Running labs learn about a new registry host now; stopped or paused ones when they start.
  const hosts = addedHosts(added);
  const mirroredInto: string[] = [];
  if (hosts.length) {
    const nodes = await client.listContainers({
      filters: { label: [LAB_LABEL, `${LAB_ROLE_LABEL}=node`], status: ['running'] },
    });
    for (const node of nodes) {
      const name = (node.Names[0] ?? '').replace(/^\//, '');
      await writeRegistryMirrors(client, name, hosts);
      mirroredInto.push(name);
    }
  }
  return { added, mirroredInto };
}
