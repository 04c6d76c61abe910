// ready: every node Ready, CoreDNS answering, the storage provisioner available and the
// NetworkPolicy controller Ready on every node; meanwhile the kubeconfigs (host and every node).
import type Docker from 'dockerode';
import { NETWORK_POLICY_DAEMONSET } from '../addons/network-policy.ts';
import { STORAGE_NAMESPACE } from '../addons/storage.ts';
import { dnsAnswers, kubectlOk, readyNodeNames, waitFor } from '../cluster.ts';
import type { NodeList } from '../cluster.ts';
import type { LabConfig } from '../config.ts';
import type { PhaseReporter } from '../phases.ts';
import { writeKubeconfigs } from '../kubeconfig.ts';
import { recordPodCidr } from '../node-setup.ts';
import { StartReads } from '../start-reads.ts';
import type { Action, BackgroundWork } from './action.ts';

/** Every wanted node is among the Ready ones. */
export function allReady(wanted: readonly string[], ready: readonly string[]): boolean {
  return wanted.every((name) => ready.includes(name));
}

/** The provisioner Deployment's `{.status.availableReplicas}`: its one replica is available. */
export function provisionerAvailable(availableReplicas: string): boolean {
  return availableReplicas.trim() === '1';
}

/** A DaemonSet's `{.status.numberReady}/{.status.desiredNumberScheduled}`: Ready on every node. */
export function readyOnEveryNode(readyOfScheduled: string, nodeCount: number): boolean {
  return readyOfScheduled.trim() === `${nodeCount}/${nodeCount}`;
}

/** How often the waits below look again: each look is an API GET or one `dig` in a node. */
const LOOK_EVERY_MS = 200;

/**
 * The four waits run side by side: none needs another to have ended (CoreDNS, the provisioner
 * and the controllers run on nodes the API server may still list as NotReady after a warm
 * start), so the phase takes as long as the slowest, not the sum of each one's last look. The
 * kubeconfigs are written beside them (they need only the control plane's admin.conf, there
 * since `kubeadm init`). The closing progress line says how long each took.
 */
async function waitReady(
  client: Docker,
  config: LabConfig,
  background: BackgroundWork,
  report: PhaseReporter,
  writeKubeconfigs: () => Promise<unknown>,
): Promise<void> {
  const names = config.nodes.map((node) => node.name);
  const reads = new StartReads(client, config);
  const started = Date.now();
  const took: Record<string, number> = {};
  // The first wait to fail stops the others: `up` reports that one, and nothing keeps polling.
  const firstFailure = new AbortController();
  const looks = { intervalMs: LOOK_EVERY_MS, signal: firstFailure.signal };
  const nodesReady = async (): Promise<void> => {
    let listed: NodeList = { items: [] };
    await waitFor(
      `nodes ${names.join(', ')} to be Ready`,
      180_000,
      async () => {
        listed = await reads.json<NodeList>('/api/v1/nodes', ['get', 'nodes']);
        const ready = readyNodeNames(listed, background.restarted);
        report(`${ready.length}/${names.length} nodes Ready`);
        return allReady(names, ready);
      },
      looks,
    );
    // The listing already says which Node objects carry their pod subnet (all, after a first start).
    for (const node of config.nodes) {
      const recorded = listed.items.find((item) => item.metadata.name === node.name)?.spec?.podCIDR;
      if (recorded !== node.podCidr)
        await recordPodCidr(node, (args) => kubectlOk(client, config, args));
    }
  };
  const provisionerReady = (): Promise<void> =>
    waitFor(
      'the storage provisioner to be available',
      120_000,
      async () => {
        const deployment = await reads.json<{ status?: { availableReplicas?: number } }>(
          `/apis/apps/v1/namespaces/${STORAGE_NAMESPACE}/deployments/local-path-provisioner`,
          ['get', 'deployment', 'local-path-provisioner', '-n', STORAGE_NAMESPACE],
        );
        return provisionerAvailable(String(deployment.status?.availableReplicas ?? ''));
      },
      looks,
    );
  // A policy applied right after `up` must be enforced: every node runs its controller.
  const policyControllersReady = (): Promise<void> =>
    waitFor(
      'the NetworkPolicy controller on every node',
      120_000,
      async () => {
        const daemonSet = await reads.json<{
          status?: { numberReady?: number; desiredNumberScheduled?: number };
        }>(`/apis/apps/v1/namespaces/kube-system/daemonsets/${NETWORK_POLICY_DAEMONSET}`, [
          'get',
          'daemonset',
          NETWORK_POLICY_DAEMONSET,
          '-n',
          'kube-system',
        ]);
        const status = daemonSet.status ?? {};
        return readyOnEveryNode(
          `${status.numberReady ?? ''}/${status.desiredNumberScheduled ?? ''}`,
          config.nodes.length,
        );
      },
      looks,
    );

  report(
    'waiting for the nodes, CoreDNS, the storage provisioner and the NetworkPolicy controller',
  );
  const jobs: Array<[label: string, start: () => Promise<unknown>]> = [
    ['nodes', nodesReady],
    [
      'CoreDNS',
      () =>
        waitFor(
          'CoreDNS to answer kubernetes.default',
          180_000,
          () => dnsAnswers(client, config),
          looks,
        ),
    ],
    ['provisioner', provisionerReady],
    ['NetworkPolicy controller', policyControllersReady],
    ['kubeconfigs written', writeKubeconfigs],
  ];
  // Each job timed from the phase's start; the bar moves as each is met (the phase is a third
  // of a warm start).
  const timed = async (label: string, wait: Promise<unknown>): Promise<void> => {
    try {
      await wait;
    } catch (error) {
      firstFailure.abort(error);
      throw error;
    }
    took[label] = (Date.now() - started) / 1000;
    const met = Object.keys(took).length;
    report(
      `${label} after ${took[label].toFixed(1)} s (${met} of ${jobs.length})`,
      met / jobs.length,
    );
  };
  await Promise.all(jobs.map(([label, start]) => timed(label, start())));
  report(
    `ready after ${Object.entries(took)
      .map(([label, seconds]) => `${label} ${seconds.toFixed(1)} s`)
      .join(', ')}`,
  );
}

export const readyAction: Action = {
  name: 'ready',
  weight: 5,
  run: async ({ client, config, state, background, report }) => {
    await waitReady(client, config, background, report, () =>
      writeKubeconfigs(client, config, state.apiPort),
    );
  },
};
