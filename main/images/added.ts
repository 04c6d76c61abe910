// The images a learner or an instructor added to the lab registry (`kubelab images add`), kept in
// $KUBELAB_HOME/registry-added.json beside the record of pushed workload images. The registry's
// volume is shared by every lab on the machine, so this list is too: it decides which registry
// hosts get a mirror entry in each node, what `scenarios lint` accepts, and what a bundle carries.
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { z } from 'zod';
import { kubelabHome } from '../paths.ts';
import { writeFileAtomically } from '../write-atomically.ts';

export const AddedImageSchema = z.object({
  /** Fully qualified name pods use: `example.org/team/tool:1.0`, `docker.io/library/redis:7`. */
  name: z.string(),
  host: z.string(),
  /** Repository path inside the lab registry. */
  path: z.string(),
  tag: z.string(),
  /** Manifest digest in the lab registry. */
  digest: z.string(),
  /** What it was added from: an engine image reference or an archive file. */
  source: z.string(),
  addedAt: z.string(),
});
export type AddedImage = z.infer<typeof AddedImageSchema>;

const AddedFileSchema = z.object({ images: z.array(AddedImageSchema) });

const addedFile = (): string => join(kubelabHome(), 'registry-added.json');

export async function readAddedImages(): Promise<AddedImage[]> {
  let text: string;
  try {
    text = await readFile(addedFile(), 'utf8');
  } catch {
    return [];
  }
  // A damaged list is read as empty: the images stay in the registry, and adding again restores it.
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch {
    return [];
  }
  const parsed = AddedFileSchema.safeParse(json);
  return parsed.success ? parsed.data.images : [];
}

/** Records images (replacing an entry of the same name), atomically. */
export async function recordAddedImages(images: readonly AddedImage[]): Promise<AddedImage[]> {
  const byName = new Map((await readAddedImages()).map((image) => [image.name, image]));
  for (const image of images) byName.set(image.name, image);
  const all = [...byName.values()].sort((a, b) => a.name.localeCompare(b.name));
  await writeFileAtomically(
    addedFile(),
    `${JSON.stringify({ images: all }, null, 2)}\n`,
    'the list of added images',
  );
  return all;
}

/** The registry hosts other than docker.io that have added images (each needs a mirror entry). */
export function addedHosts(images: readonly AddedImage[]): string[] {
  return [
    ...new Set(images.map((image) => image.host).filter((host) => host !== 'docker.io')),
  ].sort();
}
