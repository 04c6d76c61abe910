// The host-side kubeconfig (for kubectl, k9s, Lens on the learner's machine) and the in-node one
// (kubectl works in every node's terminal).
import { mkdir, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import type Docker from 'dockerode';
import type { LabConfig } from './config.ts';
import { controlPlane } from './config.ts';
import { ADMIN_KUBECONFIG } from './cluster.ts';
import { nodeSh, writeFileInNode } from './node-exec.ts';

export function hostKubeconfigPath(config: LabConfig): string {
  return join(config.dir, 'kubeconfig');
}

/**
 * The host's copy of the admin kubeconfig, pointed at the published API port. Written right
 * after `kubeadm init` too, so the rest of a cold start polls the API from the host.
 */
export async function writeHostKubeconfig(
  client: Docker,
  config: LabConfig,
  apiPort: number,
): Promise<{ path: string; admin: string }> {
  const admin = await nodeSh(client, controlPlane(config).container, `cat ${ADMIN_KUBECONFIG}`);
  const forHost = admin.replace(/server: https:\/\/[^\s]+/, `server: https://127.0.0.1:${apiPort}`);
  await mkdir(config.dir, { recursive: true });
  const path = hostKubeconfigPath(config);
  await writeFile(path, forHost, { mode: 0o600 });
  return { path, admin };
}

export async function writeKubeconfigs(
  client: Docker,
  config: LabConfig,
  apiPort: number,
): Promise<string> {
  const { path, admin } = await writeHostKubeconfig(client, config, apiPort);
  // Every node gets the admin kubeconfig for root, so `kubectl` works in any node's terminal.
  for (const node of config.nodes) {
    await writeFileInNode(client, node.container, '/root/.kube/config', admin, '0600');
    await writeFileInNode(client, node.container, ADMIN_KUBECONFIG, admin, '0600');
  }
  return path;
}
