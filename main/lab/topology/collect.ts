// Gathers a lab's topology: node networking by docker exec; Kubernetes objects from the API
// server's watches (a long-lived server), else its lists over HTTPS, else kubectl in the node
// (an API server this machine cannot reach, as on a remote engine).
import type Docker from 'dockerode';
import { kubectlJson } from '../cluster.ts';
import type { LabConfig } from '../config.ts';
import { ApiUnreachableError, kubeApiFor } from '../kube-api.ts';
import { findNodes } from '../discover.ts';
import { nodeSh } from '../node-exec.ts';
import { existingLabConfig } from '../state.ts';
import { hostFolderOf } from './host-folder.ts';
import { policiesSelecting } from './policy-selection.ts';
import type { PolicyJson } from './policy-selection.ts';
import { NODE_NETWORK_SCRIPT, parseNodeNetwork } from './node-network.ts';
import { TOPOLOGY_KINDS, topologyFeed } from './feed.ts';
import type { TopologyFeed } from './feed.ts';
import type {
  Topology,
  TopologyClaim,
  TopologyNode,
  TopologyPod,
  TopologyService,
  TopologyVolume,
} from './types.ts';

interface List<T> {
  items: T[];
}
interface Meta {
  name: string;
  namespace?: string;
  labels?: Record<string, string>;
}
interface PodJson {
  metadata: Meta;
  spec: { nodeName?: string; hostNetwork?: boolean };
  status: { podIP?: string; phase?: string };
}
interface ServiceJson {
  metadata: Meta;
  spec: {
    type?: string;
    clusterIP?: string;
    ports?: Array<{
      port: number;
      targetPort?: number | string;
      nodePort?: number;
      protocol?: string;
    }>;
  };
}
interface SliceJson {
  metadata: Meta;
  endpoints?: Array<{
    addresses: string[];
    conditions?: { ready?: boolean };
    targetRef?: { kind?: string; name?: string };
  }>;
}
interface ClaimJson {
  metadata: Meta;
  spec: { storageClassName?: string; volumeName?: string };
  status: { phase?: string };
}
interface PvJson {
  metadata: Meta;
  spec: {
    storageClassName?: string;
    capacity?: { storage?: string };
    claimRef?: { namespace?: string; name?: string };
    hostPath?: { path: string };
    local?: { path: string };
    nodeAffinity?: {
      required?: { nodeSelectorTerms?: Array<{ matchExpressions?: Array<{ values?: string[] }> }> };
    };
  };
  status: { phase?: string };
}

function mountsClaim(pod: PodJson, claim: string): boolean {
  return JSON.stringify(pod.spec).includes(`"claimName":"${claim}"`);
}

/**
 * Every object of the topology's kinds: from the lab's watch feed where one runs and is current
 * (`feed`), else six GETs over the host's HTTPS client (a few ms each), else kubectl in the node
 * (one process for all six kinds, 100–200 ms of CPU on the lab's cores) where the API does not
 * answer from this machine.
 */
async function listTopologyObjects(
  client: Docker,
  config: LabConfig,
  feed: TopologyFeed | null,
): Promise<List<{ kind?: string }>> {
  if (feed?.current) return { items: feed.objects() };
  const api = await kubeApiFor(config);
  if (api) {
    try {
      const lists = await Promise.all(
        TOPOLOGY_KINDS.map(async (kind) => {
          const path = await api.collectionPath(kind);
          const response = path ? await api.get(path) : null;
          if (!response || response.status !== 200) return null;
          // The API leaves kind off list items; kubectl's listing (and the filter below) has it.
          const items = (response.body as List<object>).items ?? [];
          return items.map((item) => ({ ...item, kind }));
        }),
      );
      if (lists.every((list) => list !== null)) return { items: lists.flat() };
    } catch (error) {
      if (!(error instanceof ApiUnreachableError)) throw error;
    }
  }
  return kubectlJson<List<{ kind?: string }>>(client, config, [
    'get',
    'pods,services,endpointslices.discovery.k8s.io,persistentvolumes,persistentvolumeclaims,networkpolicies.networking.k8s.io',
    '-A',
  ]);
}

/**
 * The lab's topology. `watch` (a long-lived server only: the feed's watches outlive the call)
 * keeps the lab's objects current through watches; with `after` (the revision the caller shows)
 * the answer then waits until they change — up to `waitMs`, after which it is collected anyway
 * (node routes and links change without an API event) — so the pane asks again at once and shows
 * a change within the API server's push. Without a feed (the API not reachable from here) it
 * answers at once with no revision, and the caller polls.
 */
export async function collectTopology(
  client: Docker,
  lab: string,
  options: { watch?: boolean; after?: string; waitMs?: number; signal?: AbortSignal } = {},
): Promise<Topology> {
  const config = await existingLabConfig(lab);
  const api = options.watch ? await kubeApiFor(config) : null;
  const feed = api ? topologyFeed(lab, api) : null;
  if (feed && options.after !== undefined)
    await feed.changedSince(options.after, options.waitMs ?? 20_000, options.signal);
  const revision = feed?.current ? feed.revision : undefined;
  const found = await findNodes(client, lab);
  const all = await listTopologyObjects(client, config, feed);
  const ofKind = <T>(kind: string): List<T> => ({
    items: all.items.filter((item) => item.kind === kind) as T[],
  });
  const pods = ofKind<PodJson>('Pod');
  const services = ofKind<ServiceJson>('Service');
  const slices = ofKind<SliceJson>('EndpointSlice');
  const pvs = ofKind<PvJson>('PersistentVolume');
  const claims = ofKind<ClaimJson>('PersistentVolumeClaim');
  const policies = ofKind<PolicyJson>('NetworkPolicy');
  const podByIp = new Map<string, string>();
  for (const pod of pods.items) {
    if (pod.status.podIP && !pod.spec.hostNetwork)
      podByIp.set(pod.status.podIP, `${pod.metadata.namespace}/${pod.metadata.name}`);
  }
  const vethByIp = new Map<string, string>();
  const nodes: TopologyNode[] = await Promise.all(
    config.nodes.map(async (spec) => {
      const running = found.get(spec.name)?.running === true;
      const base = {
        name: spec.name,
        role: spec.role,
        ip: spec.ip,
        podCidr: spec.podCidr,
        running,
      };
      if (!running) return { ...base, interfaces: [], routes: [] };
      const network = parseNodeNetwork(await nodeSh(client, spec.container, NODE_NETWORK_SCRIPT));
      const podByVeth = new Map<string, string>();
      for (const [ip, veth] of network.vethByIp) {
        vethByIp.set(ip, veth);
        const pod = podByIp.get(ip);
        if (pod) podByVeth.set(veth, pod);
      }
      const interfaces = network.interfaces
        .filter((i) => i.kind !== 'veth' || podByVeth.has(i.name))
        .map((i) => (podByVeth.has(i.name) ? { ...i, pod: podByVeth.get(i.name)! } : i));
      return { ...base, interfaces, routes: network.routes };
    }),
  );
  const topologyPods: TopologyPod[] = pods.items.map((pod) => ({
    namespace: pod.metadata.namespace ?? 'default',
    name: pod.metadata.name,
    node: pod.spec.nodeName ?? null,
    ip: pod.status.podIP ?? null,
    phase: pod.status.phase ?? 'Unknown',
    hostNetwork: pod.spec.hostNetwork === true,
    hostVeth:
      pod.status.podIP && !pod.spec.hostNetwork ? (vethByIp.get(pod.status.podIP) ?? null) : null,
    labels: pod.metadata.labels ?? {},
    // host-network pods are outside NetworkPolicy's reach
    policies: pod.spec.hostNetwork
      ? []
      : policiesSelecting(
          { namespace: pod.metadata.namespace ?? 'default', labels: pod.metadata.labels ?? {} },
          policies.items,
        ),
  }));
  const topologyServices: TopologyService[] = services.items.map((service) => {
    const namespace = service.metadata.namespace ?? 'default';
    const endpoints = slices.items
      .filter(
        (slice) =>
          slice.metadata.namespace === namespace &&
          slice.metadata.labels?.['kubernetes.io/service-name'] === service.metadata.name,
      )
      .flatMap((slice) => slice.endpoints ?? [])
      .flatMap((endpoint) =>
        endpoint.addresses.map((ip) => ({
          ip,
          pod:
            endpoint.targetRef?.kind === 'Pod' && endpoint.targetRef.name
              ? `${namespace}/${endpoint.targetRef.name}`
              : null,
          ready: endpoint.conditions?.ready !== false,
        })),
      );
    return {
      namespace,
      name: service.metadata.name,
      type: service.spec.type ?? 'ClusterIP',
      clusterIP:
        service.spec.clusterIP && service.spec.clusterIP !== 'None' ? service.spec.clusterIP : null,
      ports: (service.spec.ports ?? []).map((port) => ({
        port: port.port,
        targetPort: String(port.targetPort ?? port.port),
        nodePort: port.nodePort ?? null,
        protocol: port.protocol ?? 'TCP',
      })),
      endpoints,
    };
  });
  const volumes: TopologyVolume[] = pvs.items.map((pv) => {
    const path = pv.spec.hostPath?.path ?? pv.spec.local?.path ?? null;
    const affinityNode =
      pv.spec.nodeAffinity?.required?.nodeSelectorTerms?.[0]?.matchExpressions?.[0]?.values?.[0] ??
      null;
    const claim = pv.spec.claimRef?.name
      ? { namespace: pv.spec.claimRef.namespace ?? 'default', name: pv.spec.claimRef.name }
      : null;
    // A hostPath PV without node affinity lives on whichever node mounts it: the pod's node.
    const users = claim
      ? pods.items.filter(
          (pod) => pod.metadata.namespace === claim.namespace && mountsClaim(pod, claim.name),
        )
      : [];
    const node = affinityNode ?? users[0]?.spec.nodeName ?? null;
    return {
      pv: pv.metadata.name,
      phase: pv.status.phase ?? 'Unknown',
      storageClass: pv.spec.storageClassName ?? null,
      capacity: pv.spec.capacity?.storage ?? null,
      claim,
      path,
      hostFolder: path ? hostFolderOf(config, node, path) : null,
      node,
      users: users.map((pod) => `${claim?.namespace ?? 'default'}/${pod.metadata.name}`),
    };
  });
  const unboundClaims: TopologyClaim[] = claims.items
    .filter((claim) => !claim.spec.volumeName)
    .map((claim) => {
      const namespace = claim.metadata.namespace ?? 'default';
      return {
        namespace,
        name: claim.metadata.name,
        phase: claim.status.phase ?? 'Pending',
        storageClass: claim.spec.storageClassName ?? null,
        users: pods.items
          .filter(
            (pod) =>
              (pod.metadata.namespace ?? 'default') === namespace &&
              mountsClaim(pod, claim.metadata.name),
          )
          .map((pod) => `${namespace}/${pod.metadata.name}`),
      };
    });
  return {
    lab,
    ...(revision === undefined ? {} : { revision }),
    nodes,
    pods: topologyPods,
    services: topologyServices,
    volumes,
    unboundClaims,
  };
}
