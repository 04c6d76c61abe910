// What kubelab writes into a node before kubeadm runs: its CNI config and its routes.
import type Docker from 'dockerode';
import type { LabConfig, NodeSpec } from './config.ts';
import { CNI_CONFLIST_PATH, ROUTES_SCRIPT_PATH, cniConflist, routesScript } from './cni.ts';
import { nodeSh, writeFileInNode } from './node-exec.ts';
import { STICKY_IPAM_PATH, stickyIpamScript } from './sticky-pod-ips.ts';
import { NODE_RESOLV_CONF } from './kubeadm-config.ts';

export async function configureNodeNetwork(
  client: Docker,
  config: LabConfig,
  node: NodeSpec,
): Promise<void> {
  // The IPAM plugin before the config that names it: kubelet may be making sandboxes already.
  await writeFileInNode(client, node.container, STICKY_IPAM_PATH, stickyIpamScript(), '0755');
  await writeFileInNode(client, node.container, CNI_CONFLIST_PATH, cniConflist(node));
  await writeFileInNode(
    client,
    node.container,
    NODE_RESOLV_CONF,
    `nameserver ${config.network.gateway}\n`,
  );
  await writeFileInNode(
    client,
    node.container,
    ROUTES_SCRIPT_PATH,
    routesScript(config, node),
    '0755',
  );
  await nodeSh(client, node.container, ROUTES_SCRIPT_PATH);
}

/** Waits until the node's init has containerd answering (a fresh node takes a second). */
export async function waitForContainerd(client: Docker, node: NodeSpec): Promise<void> {
  await nodeSh(
    client,
    node.container,
    'for i in $(seq 1 100); do ctr version >/dev/null 2>&1 && exit 0; sleep 0.2; done; echo "containerd did not start:"; tail -20 /var/log/kubelab/containerd.log; exit 1',
  );
}

/** Records the node's pod subnet on its Node object (set once; the field is then immutable). */
export async function recordPodCidr(
  node: NodeSpec,
  kubectlOk: (args: string[]) => Promise<string>,
): Promise<void> {
  const current = (
    await kubectlOk(['get', 'node', node.name, '-o', 'jsonpath={.spec.podCIDR}'])
  ).trim();
  if (current === node.podCidr) return;
  if (current === '') {
    await kubectlOk([
      'patch',
      'node',
      node.name,
      '--type=merge',
      '-p',
      JSON.stringify({ spec: { podCIDR: node.podCidr, podCIDRs: [node.podCidr] } }),
    ]);
  }
}
