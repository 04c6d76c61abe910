// Mirror entries for the registry hosts of added images (`kubelab images add`): each node's
// containerd reads /etc/containerd/certs.d/<host>/hosts.toml at every pull (no restart), and the
// entry sends that host's pulls to its folder in the lab registry — `override_path` because the
// folder, not /v2, is the API root. docker.io's entry ships in the node image. As for docker.io,
// the registry is the only place asked: labs are offline, so nothing of that host goes beyond.
import type Docker from 'dockerode';
import { addedHosts, readAddedImages } from '../images/added.ts';
import { hostFolder } from '../images/reference.ts';
import { writeFileInNode } from './node-exec.ts';

const REGISTRY_URL = 'http://registry.kubelab:5000';
export const CERTS_DIR = '/etc/containerd/certs.d';

export function mirrorHostsToml(host: string): string {
  const root = `${REGISTRY_URL}/v2/${hostFolder(host)}`;
  return [
    `# Images of ${host} added with \`kubelab images add\` come from the lab registry (its`,
    `# ${hostFolder(host)}/ folder). Nothing else of ${host} is served: labs are offline.`,
    `server = "${root}"`,
    'override_path = true',
    '',
    `[host."${root}"]`,
    '  capabilities = ["pull", "resolve"]',
    '  override_path = true',
    '',
  ].join('\n');
}

/** Writes the mirror entry of every host with added images into one node. */
export async function writeRegistryMirrors(
  client: Docker,
  container: string,
  hosts?: readonly string[],
): Promise<void> {
  for (const host of hosts ?? addedHosts(await readAddedImages())) {
    await writeFileInNode(
      client,
      container,
      `${CERTS_DIR}/${host}/hosts.toml`,
      mirrorHostsToml(host),
    );
  }
}
