// Which container images a scenario may use: exactly those the lab registry serves (or the nodes
// preload), since pods have no internet.
import { IMAGE_CATALOG } from '../images/catalog.ts';
import { parseImageRef } from '../images/reference.ts';

/** `nginx` → `docker.io/library/nginx:latest`, `appropriate/curl` → `docker.io/appropriate/curl:latest`. */
export function normalizeImage(ref: string): string {
  try {
    return parseImageRef(ref).full;
  } catch {
    // Not a name the lab could serve (a digest, a typo): compared as written.
    return ref.trim();
  }
}

/** Every image reference a pod in the lab can use, normalized. */
export function labImages(): Set<string> {
  return new Set(IMAGE_CATALOG.flatMap((spec) => spec.clusterNames).map(normalizeImage));
}

export function isLabImage(ref: string, available = labImages()): boolean {
  return available.has(normalizeImage(ref));
}
