// join: `kubeadm join` for each worker with the lab's bootstrap token. joinWorker is also how a
// repair start brings a recreated worker back (nodes.ts).
import type Docker from 'dockerode';
import { kubectl, kubectlOk, waitFor } from '../cluster.ts';
import type { LabConfig, NodeSpec } from '../config.ts';
import { joinConfig } from '../kubeadm-config.ts';
import { writeFileInNode } from '../node-exec.ts';
import { recordPodCidr } from '../node-setup.ts';
import type { Action } from './action.ts';
import { kubeadmRun } from './kubeadm.ts';

export async function joinWorker(
  client: Docker,
  config: LabConfig,
  node: NodeSpec,
  token: string,
): Promise<void> {
  // A node name can be left over from a removed container: the new kubelet must register afresh.
  await kubectl(client, config, [
    'delete',
    'node',
    node.name,
    '--ignore-not-found',
    '--wait=false',
  ]);
  await writeFileInNode(
    client,
    node.container,
    '/kind/kubeadm-join.yaml',
    joinConfig(config, node, token),
  );
  await kubeadmRun(client, config, node, 'join', ['join', '--config', '/kind/kubeadm-join.yaml']);
  // kubeadm returns once the kubelet has its credentials; the Node object follows shortly.
  await waitFor(
    `${node.name} to register`,
    60_000,
    async () => (await kubectl(client, config, ['get', 'node', node.name])).exitCode === 0,
  );
  await recordPodCidr(node, (args) => kubectlOk(client, config, args));
}

export const joinAction: Action = {
  name: 'join',
  weight: 5,
  run: async ({ client, config, state, report }) => {
    const workers = config.nodes.filter((node) => node.role === 'worker');
    report(workers.length ? `kubeadm join ${workers.map((w) => w.name).join(', ')}` : 'no workers');
    await Promise.all(workers.map((node) => joinWorker(client, config, node, state.token)));
  },
};
