// What is built: per catalogue image, whether some build exists and whether it is current.
import type Docker from 'dockerode';
import type { ImageStatus } from '../api/schemas/images.ts';
import { IMAGE_LABEL } from './labels.ts';
import { IMAGE_CATALOG } from './catalog.ts';
import { imageRef } from './hash.ts';

export async function imageInventory(client: Docker): Promise<ImageStatus[]> {
  const images = await client.listImages({ filters: { label: [IMAGE_LABEL] } });
  const byName = new Map<string, Docker.ImageInfo[]>();
  for (const image of images) {
    const name = image.Labels?.[IMAGE_LABEL];
    if (name) byName.set(name, [...(byName.get(name) ?? []), image]);
  }
  const statuses: ImageStatus[] = [];
  for (const spec of IMAGE_CATALOG) {
    const ref = await imageRef(spec.name);
    const builds = byName.get(spec.name) ?? [];
    const current = builds.find((image) => image.RepoTags?.includes(ref));
    const newest = current ?? builds.sort((a, b) => b.Created - a.Created)[0];
    statuses.push({
      name: spec.name,
      ref,
      mirrorTags: spec.clusterNames,
      present: newest !== undefined,
      upToDate: current !== undefined,
      sizeBytes: newest ? newest.Size : null,
      builtAt: newest ? new Date(newest.Created * 1000).toISOString() : null,
    });
  }
  return statuses;
}
