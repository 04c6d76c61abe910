// The host-side kubeconfig (for kubectl, k9s, Lens on the learner's machine) and the in-node one
// (kubectl works in every node's terminal).
import { mkdir, readFile, rename, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import type Docker from 'dockerode';
import type { LabConfig } from './config.ts';
import { controlPlane } from './config.ts';
import { ADMIN_KUBECONFIG } from './cluster.ts';
import { nodeSh, writeFileInNode } from './node-exec.ts';

export function hostKubeconfigPath(config: LabConfig): string {
  return join(config.dir, 'kubeconfig');
}

/** The file's text, or null when it cannot be read (missing, say). */
async function textOrNull(path: string): Promise<string | null> {
  try {
    return await readFile(path, 'utf8');
  } catch {
    return null;
  }
}

/**
 * The host's copy of the admin kubeconfig, pointed at the published API port. Written right
 * after `kubeadm init` too, so the rest of a cold start polls the API from the host. The lab's
 * own API reads load this file while a start runs, so it is replaced whole (written aside, then
 * renamed) and only when its text changes — on a warm start it never does.
 */
export async function writeHostKubeconfig(
  client: Docker,
  config: LabConfig,
  apiPort: number,
): Promise<{ path: string; admin: string }> {
  const admin = await nodeSh(client, controlPlane(config).container, `cat ${ADMIN_KUBECONFIG}`);
  const forHost = admin.replace(/server: https:\/\/[^\s]+/, `server: https://127.0.0.1:${apiPort}`);
  const path = hostKubeconfigPath(config);
  if ((await textOrNull(path)) !== forHost) {
    await mkdir(config.dir, { recursive: true });
    const aside = `${path}.${process.pid}.tmp`;
    await writeFile(aside, forHost, { mode: 0o600 });
    await rename(aside, path);
  }
  return { path, admin };
}

export async function writeKubeconfigs(
  client: Docker,
  config: LabConfig,
  apiPort: number,
): Promise<string> {
  const { path, admin } = await writeHostKubeconfig(client, config, apiPort);
  // Every node gets the admin kubeconfig for root, so `kubectl` works in any node's terminal;
  // the workers also at the control plane's path (where it was read from), which kubelab's own
  // in-node kubectl uses. One exec per node, the nodes at once: in a row these were ≈ 0.5 s of
  // every start.
  await Promise.all(
    config.nodes.map((node) =>
      writeFileInNode(
        client,
        node.container,
        node.role === 'control-plane'
          ? ['/root/.kube/config']
          : ['/root/.kube/config', ADMIN_KUBECONFIG],
        admin,
        '0600',
      ),
    ),
  );
  return path;
}
