// Unpacking ahead: the node image holds the control-plane and add-on images packed (zstd, in
// the shared content store), and containerd unpacks an image's layers only when the first
// container of it is created. On a cold start that put ≈ 4 s of unpacking between kube-proxy's
// pod being scheduled and its container starting — while the node had sat idle during kubeadm
// init. So each node unpacks, the moment its containerd answers, the images it is sure to run,
// in the order it will need them; kubelet then finds them unpacked (a concurrent unpack of the
// same layer is settled by containerd: one commits, the other uses it).
import type Docker from 'dockerode';
import { componentRef } from '../images/catalog.ts';
import type { NodeSpec } from './config.ts';

/** Every node runs these (kube-proxy and kube-router are DaemonSets). */
const EVERY_NODE = ['pause', 'kube-proxy', 'kube-router'];
/** The control plane also runs its static pods, and CoreDNS lands there (it starts before joins). */
const CONTROL_PLANE_FIRST = [
  'pause',
  'etcd',
  'kube-apiserver',
  'kube-controller-manager',
  'kube-scheduler',
];
const CONTROL_PLANE_THEN = ['kube-proxy', 'coredns', 'kube-router', 'local-path-provisioner'];

/** The component images a node of this role unpacks ahead, in the order it needs them. */
export function unpackAheadImages(role: NodeSpec['role']): string[] {
  const names =
    role === 'control-plane' ? [...CONTROL_PLANE_FIRST, ...CONTROL_PLANE_THEN] : EVERY_NODE;
  return names.map(componentRef);
}

/**
 * The node-side script: `ctr images mount` unpacks an image into the overlay snapshotter (a no-op
 * when it already is, as on a warm start) and the scratch mount is removed at once.
 */
export function unpackAheadScript(refs: readonly string[]): string {
  const lines = refs.map(
    (ref) =>
      `ctr -n k8s.io images mount '${ref}' "$dir" >/dev/null 2>&1 && ctr -n k8s.io images unmount --rm "$dir" >/dev/null 2>&1`,
  );
  return ['dir=$(mktemp -d /tmp/kubelab-unpack.XXXXXX)', ...lines, 'rmdir "$dir"'].join('\n');
}

/**
 * Starts the unpacking inside the node and returns at once: nothing waits for it, and a failure
 * only means kubelet unpacks on first use, as it would anyway. Only for a node just created: on
 * a restart its images are unpacked already, and the calls would only contend with its boot.
 */
export async function startUnpackAhead(client: Docker, node: NodeSpec): Promise<void> {
  const exec = await client.getContainer(node.container).exec({
    Cmd: ['bash', '-c', unpackAheadScript(unpackAheadImages(node.role))],
    AttachStdout: false,
    AttachStderr: false,
  });
  // A detached start still answers with an HTTP response; left unread, its socket kept the CLI
  // alive for 5 minutes after `kubelab up` had finished. The process in the node runs on.
  const response = await exec.start({ Detach: true });
  response.destroy();
}
