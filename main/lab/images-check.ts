// Before a lab starts: are the images it runs built and current? Says which and how to build.
import type Docker from 'dockerode';
import { LabError } from '../api/errors.ts';
import { IMAGE_CATALOG } from '../images/catalog.ts';
import { imageRef } from '../images/hash.ts';

/** The images a running lab needs on the engine: the node, the registry and the mirrored workloads. */
export function labImageNames(): string[] {
  return [
    'node',
    'registry',
    ...IMAGE_CATALOG.filter((spec) => spec.mirrored && spec.clusterNames.length).map(
      (spec) => spec.name,
    ),
  ];
}

export async function requireLabImages(client: Docker): Promise<void> {
  const missing: string[] = [];
  for (const name of labImageNames()) {
    try {
      await client.getImage(await imageRef(name)).inspect();
    } catch {
      missing.push(name);
    }
  }
  if (missing.length) {
    throw new LabError(
      'IMAGES_MISSING',
      `These lab images are not built (or are out of date): ${missing.join(', ')}.`,
      {
        fix: `Run \`kubelab images build\` (or load an instructor bundle with \`kubelab images load FILE\`).`,
      },
    );
  }
}
