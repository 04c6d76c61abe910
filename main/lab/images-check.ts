// Before a lab starts: are the images it runs built and current? The node and registry images
// are required; a missing workload image (say ghost) only limits the scenarios that use it, so
// the lab starts and says which are missing and how to build them.
import type Docker from 'dockerode';
import { LabError } from '../api/errors.ts';
import { imageExists } from '../engine/images.ts';
import { IMAGE_CATALOG } from '../images/catalog.ts';
import { imageRef } from '../images/hash.ts';

export const REQUIRED_LAB_IMAGES = ['node', 'registry'];

export function workloadImageNames(): string[] {
  return IMAGE_CATALOG.filter((spec) => spec.mirrored && spec.clusterNames.length).map(
    (spec) => spec.name,
  );
}

/** Which of these catalogue images are not built (or not current) on this engine. */
export async function missingImages(client: Docker, names: readonly string[]): Promise<string[]> {
  const missing: string[] = [];
  for (const name of names) {
    if (!(await imageExists(client, await imageRef(name)))) missing.push(name);
  }
  return missing;
}

/** Throws when the lab cannot run; returns the workload images that are missing. */
export async function requireLabImages(client: Docker): Promise<string[]> {
  const missing = await missingImages(client, REQUIRED_LAB_IMAGES);
  if (missing.length) {
    throw new LabError(
      'IMAGES_MISSING',
      `These lab images are not built (or are out of date): ${missing.join(', ')}.`,
      {
        fix: `Run \`kubelab images build\` (or load an instructor bundle with \`kubelab images load FILE\`).`,
      },
    );
  }
  return missingImages(client, workloadImageNames());
}
