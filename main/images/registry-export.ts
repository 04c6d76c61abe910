// Images added to the lab registry (`kubelab images add`), read back out of it into one tar in
// the shape of a `docker save` archive — manifest.json naming each image's config and layers,
// blobs under blobs/sha256/ — so that archive-push.ts, the reader `images add FILE` already
// uses, pushes them into another machine's lab registry (`bundle load`). Layers stay as the
// registry stores them (gzip): nothing is recompressed; and each image's manifest rides along
// byte for byte (kubelab's `Manifest` key, which Docker ignores), so the same digests arrive.
import { createWriteStream } from 'node:fs';
import { pipeline } from 'node:stream/promises';
import tar from 'tar-stream';
import { readBlob, readImageManifest } from './registry-http.ts';
import type { Descriptor } from './registry-http.ts';
import type { ArchiveImage } from './archive-push.ts';

export interface ExportedImage {
  /** The name pods use, written as the archive image's RepoTags. */
  name: string;
  /** Where the lab registry keeps it (labRegistryPath) and its tag. */
  path: string;
  tag: string;
}

const blobPath = (digest: string): string => `blobs/${digest.replace(':', '/')}`;

/** Writes the images into `file`. */
export async function exportRegistryImages(
  base: string,
  images: readonly ExportedImage[],
  file: string,
  onProgress: (message: string) => void,
): Promise<void> {
  const pack = tar.pack();
  const written = pipeline(pack, createWriteStream(file));
  try {
    const listed: ArchiveImage[] = [];
    const stored = new Set<string>();
    const put = async (repository: string, blob: Descriptor): Promise<string> => {
      const path = blobPath(blob.digest);
      if (stored.has(path)) return path;
      stored.add(path);
      await pipeline(
        await readBlob(base, repository, blob.digest),
        pack.entry({ name: path, size: blob.size }),
      );
      return path;
    };
    for (const image of images) {
      onProgress(`${image.name}: reading it from the lab registry`);
      const manifest = await readImageManifest(base, image.path, image.tag);
      const config = await put(image.path, manifest.config);
      const layers: string[] = [];
      for (const layer of manifest.layers) layers.push(await put(image.path, layer));
      // The manifest's own bytes too: pushed as they are, the image keeps its digest.
      const manifestPath = `manifests/${image.path.replaceAll('/', '_')}_${image.tag}.json`;
      pack.entry({ name: manifestPath }, manifest.bytes);
      listed.push({
        Config: config,
        RepoTags: [image.name],
        Layers: layers,
        Manifest: manifestPath,
        ManifestMediaType: manifest.mediaType,
      });
    }
    pack.entry({ name: 'manifest.json' }, JSON.stringify(listed));
    pack.finalize();
    await written;
  } catch (error) {
    pack.destroy();
    await written.catch(() => undefined);
    throw error;
  }
}
