// `kubelab trace --probe` on a real three-node lab, one test per path class: pod → pod on one
// node, pod → pod across nodes, pod → ClusterIP Service with its endpoint on another node, node
// → NodePort, pod → headless Service name, and a path a NetworkPolicy drops. In each the probe
// must see every predicted hop and nothing on the watched interfaces the path does not predict.
// Slow (a three-node lab); run alone with `npx vitest run --project integration main/trace`.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Trace } from '../api/schemas/trace.ts';

type PodManifest = Record<string, unknown>;
import { docker } from '../engine/docker.ts';
import { applyManifest, kubectlOk } from '../lab/cluster.ts';
import { labDown } from '../lab/down.ts';
import { existingLabConfig } from '../lab/state.ts';
import { labUp } from '../lab/up.ts';
import { nodeSh } from '../lab/node-exec.ts';
import { startTraceWatch, stopTraceWatch, traceWatchCounts } from './live.ts';
import { traceRequest } from './trace.ts';

const client = docker();
const lab = 'trace-it';

const pod = (
  name: string,
  node: string,
  labels: Record<string, string>,
  image: string,
  command?: string[],
): PodManifest => ({
  apiVersion: 'v1',
  kind: 'Pod',
  metadata: { name, labels },
  spec: {
    nodeName: node,
    terminationGracePeriodSeconds: 0,
    containers: [{ name: 'main', image, ...(command ? { command } : {}) }],
  },
});

const MANIFESTS = [
  pod('client', 'worker1', { app: 'client' }, 'busybox', ['sleep', '3600']),
  pod('web-a', 'worker1', { app: 'web' }, 'nginx'),
  pod('web-b', 'worker2', { app: 'web', where: 'far' }, 'nginx'),
  {
    apiVersion: 'v1',
    kind: 'Service',
    metadata: { name: 'web' },
    spec: { type: 'NodePort', selector: { app: 'web' }, ports: [{ port: 80, nodePort: 30080 }] },
  },
  {
    apiVersion: 'v1',
    kind: 'Service',
    metadata: { name: 'far' },
    spec: { selector: { where: 'far' }, ports: [{ port: 8080, targetPort: 80 }] },
  },
  {
    apiVersion: 'v1',
    kind: 'Service',
    metadata: { name: 'db' },
    spec: { clusterIP: 'None', selector: { where: 'far' }, ports: [{ port: 80 }] },
  },
]
  .map((doc) => JSON.stringify(doc))
  .join('\n---\n');

function expectProven(trace: Trace): void {
  expect(trace.probe).not.toBeNull();
  expect(trace.probe?.unseen).toEqual([]);
  expect(trace.probe?.unexpected).toEqual([]);
  for (const hop of trace.hops) if (hop.seen !== null) expect(hop.seen, hop.what).toBe(true);
}

const actions = (trace: Trace): string[] => trace.hops.map((h) => h.action);

describe('kubelab trace --probe on a real lab', () => {
  beforeAll(async () => {
    await labUp(client, { lab, nodes: 3 });
    const config = await existingLabConfig(lab);
    await applyManifest(client, config, MANIFESTS);
    await kubectlOk(client, config, [
      'wait',
      '--for=condition=Ready',
      'pod/client',
      'pod/web-a',
      'pod/web-b',
      '--timeout=180s',
    ]);
  }, 600_000);
  afterAll(() => labDown(client, { lab, purge: true, data: true }), 300_000);

  it('pod → pod on the same node: bridged on cni0', async () => {
    const trace = await traceRequest(client, lab, 'client', 'web-a', { probe: true });
    expect(actions(trace)).toEqual(['send', 'bridge', 'bridge', 'deliver']);
    expectProven(trace);
    expect(trace.probe?.exitCode).toBe(0);
  });

  it('pod → pod across nodes: routed to the other node', async () => {
    const trace = await traceRequest(client, lab, 'client', 'web-b', { probe: true });
    expect(actions(trace)).toEqual(['send', 'bridge', 'route', 'route', 'bridge', 'deliver']);
    expectProven(trace);
  });

  it('pod → ClusterIP Service with its endpoint on another node: DNAT, route, reply through conntrack', async () => {
    const trace = await traceRequest(client, lab, 'client', 'far:8080', { probe: true });
    expect(actions(trace)).toEqual([
      'send',
      'bridge',
      'dnat',
      'route',
      'route',
      'bridge',
      'deliver',
      'reply',
    ]);
    expect(trace.endpoints).toHaveLength(1);
    expect(trace.endpoints[0]?.node).toBe('worker2');
    expect(trace.probe?.conntrack).toMatch(/dport=8080 .*src=10\.\d+\.\d+\.\d+ dst=\S+ sport=80 /);
    expectProven(trace);
  });

  it("Live: the learner's own requests light every counted hop, and stopping removes the captures", async () => {
    const trace = await traceRequest(client, lab, 'client', 'far:8080');
    const watch = await startTraceWatch(client, lab, trace);
    expect(watch.hops.length).toBeGreaterThanOrEqual(4);
    // tcpdump needs a moment to attach before the requests go.
    await new Promise((resolve) => setTimeout(resolve, 2000));
    const config = await existingLabConfig(lab);
    for (let i = 0; i < 3; i++) {
      await kubectlOk(client, config, [
        'exec',
        'client',
        '--',
        'wget',
        '-q',
        '-O',
        '/dev/null',
        'http://far:8080/',
      ]);
    }
    const { counts, ended } = await traceWatchCounts(client, lab, watch.id);
    expect(ended).toBe(false);
    for (const hop of watch.hops) {
      expect(
        counts[hop],
        `${trace.hops[hop]?.action} on ${trace.hops[hop]?.node} ${trace.hops[hop]?.interface}`,
      ).toBeGreaterThanOrEqual(3);
    }
    await stopTraceWatch(client, lab, watch.id);
    for (const node of config.nodes) {
      const left = await nodeSh(
        client,
        node.container,
        'pgrep -c tcpdump || true; ls /tmp/kubelab-live 2>/dev/null | wc -l',
      );
      expect(left.trim().split('\n').map(Number)).toEqual([0, 0]);
    }
  });

  it('node → NodePort: the endpoint kube-proxy really picked, masqueraded when it leaves the node', async () => {
    const config = await existingLabConfig(lab);
    const worker1 = config.nodes.find((n) => n.name === 'worker1')!.ip;
    const trace = await traceRequest(client, lab, 'control-plane', `${worker1}:30080`, {
      probe: true,
    });
    expect(actions(trace)).toContain('dnat');
    expect(trace.chosen).not.toBeNull();
    expectProven(trace);
  });

  it('pod → headless Service name: the DNS answer is the pod, no DNAT', async () => {
    const trace = await traceRequest(client, lab, 'client', 'db.default.svc.cluster.local', {
      probe: true,
    });
    expect(actions(trace)[0]).toBe('dns');
    expect(actions(trace)).not.toContain('dnat');
    expectProven(trace);
  });

  it('a NetworkPolicy that admits nothing: dropped before the destination, and nothing reaches it', async () => {
    const config = await existingLabConfig(lab);
    await applyManifest(
      client,
      config,
      JSON.stringify({
        apiVersion: 'networking.k8s.io/v1',
        kind: 'NetworkPolicy',
        metadata: { name: 'far-closed' },
        spec: {
          podSelector: { matchLabels: { where: 'far' } },
          policyTypes: ['Ingress'],
          ingress: [],
        },
      }),
    );
    // kube-router programs the policy within a few seconds.
    await new Promise((resolve) => setTimeout(resolve, 5000));
    const trace = await traceRequest(client, lab, 'client', 'web-b', { probe: true });
    expect(actions(trace).at(-1)).toBe('policy');
    expect(trace.hops.at(-1)?.what).toContain('drop');
    expect(trace.probe?.exitCode).not.toBe(0);
    expectProven(trace);
  });
});
