// TraceIo on a real lab: the topology the Topology pane draws, the NetworkPolicies, and on each
// node — asked once per node and trace — kube-proxy's nat table, `ip route get` in the node's
// or a pod's network namespace, and the pod's namespace from the CNI plugin's result cache.
import { basename } from 'node:path';
import type Docker from 'dockerode';
import { kubectlJson } from '../lab/cluster.ts';
import type { LabConfig } from '../lab/config.ts';
import { nodeSh } from '../lab/node-exec.ts';
import { existingLabConfig } from '../lab/state.ts';
import { collectTopology } from '../lab/topology/collect.ts';
import type { LabelSelector } from '../lab/topology/policy-selection.ts';
import type { TopologyPod } from '../lab/topology/types.ts';
import type { NatTable } from './iptables.ts';
import { parseNat } from './iptables.ts';
import { parseRouteGet } from './route.ts';
import type { PolicyRule, PolicyView, TraceIo } from './state.ts';

interface PolicyJson {
  metadata: { name: string; namespace?: string };
  spec: {
    podSelector?: LabelSelector;
    policyTypes?: string[];
    ingress?: Array<{
      from?: Array<{
        podSelector?: LabelSelector;
        namespaceSelector?: LabelSelector;
        ipBlock?: { cidr: string };
      }>;
      ports?: Array<{ port?: number | string; protocol?: string }>;
    }>;
  };
}

function policyView(policy: PolicyJson): PolicyView {
  const types = policy.spec.policyTypes ?? ['Ingress'];
  const ingress: PolicyRule[] | null = types.includes('Ingress')
    ? (policy.spec.ingress ?? []).map((rule) => ({
        from: (rule.from ?? []).map((peer) => ({
          pods: peer.podSelector ?? null,
          anyNamespace: peer.namespaceSelector !== undefined,
          cidr: peer.ipBlock?.cidr ?? null,
        })),
        ports: (rule.ports ?? []).map((p) => ({
          port: p.port ?? null,
          protocol: p.protocol ?? 'TCP',
        })),
      }))
    : null;
  return {
    namespace: policy.metadata.namespace ?? 'default',
    name: policy.metadata.name,
    podSelector: policy.spec.podSelector ?? {},
    ingress,
  };
}

/** The CNI result cache files name each pod's namespace (sandbox) beside its IP. */
const NETNS_SCRIPT = `for f in /var/lib/cni/results/*; do [ -f "$f" ] && cat "$f" && echo; done; true`;

export function netnsByIp(cache: string): Map<string, string> {
  const map = new Map<string, string>();
  for (const line of cache.split('\n')) {
    if (!line.trim()) continue;
    try {
      const parsed = JSON.parse(line) as {
        result?: { interfaces?: Array<{ sandbox?: string }>; ips?: Array<{ address: string }> };
      };
      const sandbox = parsed.result?.interfaces?.find((i) => i.sandbox)?.sandbox;
      const ip = parsed.result?.ips?.[0]?.address.split('/')[0];
      if (sandbox && ip) map.set(ip, basename(sandbox));
    } catch {
      // a half-written cache file: skip it
    }
  }
  return map;
}

export async function labTraceIo(
  client: Docker,
  lab: string,
): Promise<TraceIo & { config: LabConfig }> {
  const config = await existingLabConfig(lab);
  const [topology, policies] = await Promise.all([
    collectTopology(client, lab),
    kubectlJson<{ items: PolicyJson[] }>(client, config, ['get', 'networkpolicies', '-A']),
  ]);
  const container = (node: string): string => {
    const spec = config.nodes.find((n) => n.name === node);
    if (!spec) throw new Error(`Lab ${lab} has no node ${node}.`);
    return spec.container;
  };
  const nats = new Map<string, Promise<NatTable>>();
  const netns = new Map<string, Promise<Map<string, string>>>();
  return {
    config,
    topology,
    policies: policies.items.map(policyView),
    nat: (node) => {
      if (!nats.has(node)) {
        nats.set(node, nodeSh(client, container(node), 'iptables-save -t nat').then(parseNat));
      }
      return nats.get(node)!;
    },
    routeGet: async (node, ns, dst) => {
      const prefix = ns ? `ip netns exec ${ns} ` : '';
      return parseRouteGet(await nodeSh(client, container(node), `${prefix}ip route get ${dst}`));
    },
    netnsOf: async (pod: TopologyPod) => {
      if (!pod.node || !pod.ip) return null;
      if (!netns.has(pod.node)) {
        netns.set(pod.node, nodeSh(client, container(pod.node), NETNS_SCRIPT).then(netnsByIp));
      }
      return (await netns.get(pod.node)!).get(pod.ip) ?? null;
    },
  };
}
