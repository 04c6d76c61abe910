// Which container images a scenario may use: exactly those the lab registry serves (or the nodes
// preload), since pods have no internet.
import { IMAGE_CATALOG } from '../images/catalog.ts';

/** `nginx` → `docker.io/library/nginx:latest`, `appropriate/curl` → `docker.io/appropriate/curl:latest`. */
export function normalizeImage(ref: string): string {
  let name = ref.trim();
  const slash = name.indexOf('/');
  const first = slash === -1 ? '' : name.slice(0, slash);
  const hasRegistry = first.includes('.') || first.includes(':') || first === 'localhost';
  if (!hasRegistry) name = `docker.io/${name}`;
  if (/^docker\.io\/[^/]+$/.test(name)) name = name.replace('docker.io/', 'docker.io/library/');
  const lastPart = name.slice(name.lastIndexOf('/') + 1);
  if (!lastPart.includes(':') && !lastPart.includes('@')) name = `${name}:latest`;
  return name;
}

/** Every image reference a pod in the lab can use, normalized. */
export function labImages(): Set<string> {
  return new Set(IMAGE_CATALOG.flatMap((spec) => spec.clusterNames).map(normalizeImage));
}

export function isLabImage(ref: string, available = labImages()): boolean {
  return available.has(normalizeImage(ref));
}
