// `kubelab trace --probe`: one real TCP connection from the source's own network namespace,
// with a fixed source port so that every capture can tell it from anything else, while bounded
// tcpdump captures (at most 20 packets, 8 s) watch every node's eth0 and the veth and eth0 of
// the source and of each pod the path may reach. kube-proxy's rule counters (iptables-save -c)
// before and after say which endpoint it picked; the path is then the one to that endpoint, each
// hop marked seen or not, and any watched interface that saw the connection without a hop there
// is reported. Only addresses inside the lab are ever sent to (the trace's own target).
import type Docker from 'dockerode';
import type { Trace, TraceHop } from '../api/schemas/trace.ts';
import type { LabConfig } from '../lab/config.ts';
import { execInContainer } from '../lab/node-exec.ts';
import type { TopologyPod } from '../lab/topology/types.ts';
import type { TraceRequest } from './path.ts';
import { tracePath } from './path.ts';
import type { TraceIo } from './state.ts';

const CAPTURE_SECONDS = 8;
const CAPTURE_PACKETS = 20;
const CONNECT_SECONDS = 3;

interface CapturePoint {
  node: string;
  /** A pod network namespace (`ip netns` name), or null for the node's own. */
  netns: string | null;
  iface: string;
  /** `node:iface` or `pod NS/NAME:eth0`, as hops name the place. */
  key: string;
}

/** A bash script on a lab node by name: its exit code and stdout (127 for a node not there). */
export async function sh(
  client: Docker,
  config: LabConfig,
  node: string,
  script: string,
  timeoutMs = 30_000,
): Promise<{ code: number; out: string }> {
  const spec = config.nodes.find((n) => n.name === node);
  if (!spec) return { code: 127, out: '' };
  const result = await execInContainer(client, spec.container, ['bash', '-c', script], {
    timeoutMs,
  });
  return { code: result.exitCode, out: result.stdout };
}

/** `[packets:bytes] -A CHAIN …` lines → packets by rule text. */
export function counters(save: string): Map<string, number> {
  const map = new Map<string, number>();
  for (const line of save.split('\n')) {
    const match = /^\[(\d+):\d+\] (-A .*)$/.exec(line.trim());
    if (match) map.set(match[2]!, (map.get(match[2]!) ?? 0) + Number(match[1]));
  }
  return map;
}

export function hopKey(hop: TraceHop): string | null {
  if (!hop.interface || !hop.node) return null;
  if (hop.netns.startsWith('pod ')) return `${hop.netns}:${hop.interface}`;
  return `${hop.node}:${hop.interface}`;
}

/** The watched places a hop covers (a node's routing hop on eth0, a veth, a pod's eth0). */
function expectedKeys(trace: Trace): Set<string> {
  const keys = new Set<string>();
  for (const hop of trace.hops) {
    const key = hopKey(hop);
    if (key) keys.add(key);
  }
  return keys;
}

export async function probeTrace(
  client: Docker,
  io: TraceIo & { config: LabConfig },
  request: TraceRequest,
  predicted: Trace,
): Promise<Trace> {
  const { config, topology } = io;
  const sourcePort = 40000 + Math.floor(Math.random() * 10000);
  const candidates: TopologyPod[] = [];
  const podByIp = (ip: string): TopologyPod | undefined => topology.pods.find((p) => p.ip === ip);
  for (const endpoint of predicted.endpoints) {
    const pod = podByIp(endpoint.destination.split(':')[0] ?? '');
    if (pod) candidates.push(pod);
  }
  const direct = podByIp(request.ip);
  if (direct) candidates.push(direct);
  const sourcePod = request.source.kind === 'pod' ? request.source.pod : null;
  const points: CapturePoint[] = topology.nodes
    .filter((n) => n.running)
    .map((n) => ({ node: n.name, netns: null, iface: 'eth0', key: `${n.name}:eth0` }));
  for (const pod of [...(sourcePod ? [sourcePod] : []), ...candidates]) {
    if (!pod.node) continue;
    if (pod.hostVeth) {
      points.push({
        node: pod.node,
        netns: null,
        iface: pod.hostVeth,
        key: `${pod.node}:${pod.hostVeth}`,
      });
    }
    const netns = await io.netnsOf(pod);
    if (netns) {
      points.push({
        node: pod.node,
        netns,
        iface: 'eth0',
        key: `pod ${pod.namespace}/${pod.name}:eth0`,
      });
    }
  }
  const unique = [...new Map(points.map((p) => [p.key, p])).values()];
  const sourceNode =
    sourcePod?.node ?? (request.source.kind === 'node' ? request.source.node.name : '');
  // Masquerade rewrites the source to a node's address, or to its cni0 gateway for a local pod.
  const nodeIps = topology.nodes.flatMap((n) => [n.ip, n.podCidr.replace(/\.0\/\d+$/, '.1')]);
  const dnatNode = predicted.hops.find((h) => h.action === 'dnat')?.node ?? sourceNode;
  // The connection before SNAT has our source port; after a masquerade (random-fully) it has a
  // node's address as source and the endpoint's port as destination.
  const endpointPorts = [
    ...new Set([
      request.port,
      ...predicted.endpoints.map((e) => Number(e.destination.split(':')[1])),
    ]),
  ];
  const hosts = nodeIps.map((ip) => `src host ${ip}`).join(' or ');
  const ports = endpointPorts.map((p) => `dst port ${p}`).join(' or ');
  // pcap's "and" and "or" bind equally, left to right: every group is parenthesised.
  const filter = `tcp and ((src port ${sourcePort}) or ((${hosts}) and (${ports}) and (tcp[tcpflags] & tcp-syn != 0)))`;

  const before = counters((await sh(client, config, dnatNode, 'iptables-save -c -t nat')).out);
  const captures = unique.map((point) => {
    const prefix = point.netns ? `ip netns exec ${point.netns} ` : '';
    const script = `${prefix}timeout ${CAPTURE_SECONDS} tcpdump -i ${point.iface} -n -l -q -c ${CAPTURE_PACKETS} '${filter}' 2>/dev/null | grep -c . ; true`;
    return sh(client, config, point.node, script, (CAPTURE_SECONDS + 10) * 1000).then((r) => ({
      point,
      packets: Number(r.out.trim()) || 0,
    }));
  });
  // tcpdump needs a moment to attach to each interface before the packet goes.
  await new Promise((resolve) => setTimeout(resolve, 1500));
  const connect = `socat -u OPEN:/dev/null TCP:${request.ip}:${request.port},sourceport=${sourcePort},reuseaddr,connect-timeout=${CONNECT_SECONDS}`;
  const sourceNetns = sourcePod ? await io.netnsOf(sourcePod) : null;
  const requestScript = sourceNetns ? `ip netns exec ${sourceNetns} ${connect}` : connect;
  const sent = await sh(client, config, sourceNode, requestScript, (CONNECT_SECONDS + 10) * 1000);
  const seen = await Promise.all(captures);
  const after = counters((await sh(client, config, dnatNode, 'iptables-save -c -t nat')).out);
  const conntrack = await sh(
    client,
    config,
    dnatNode,
    `conntrack -L -p tcp --sport ${sourcePort} 2>/dev/null; true`,
  );

  // Which endpoint kube-proxy picked: the DNAT rule whose counter moved.
  const nat = await io.nat(dnatNode);
  let chosen: string | undefined;
  for (const endpoint of predicted.endpoints) {
    for (const rules of nat.values()) {
      const dnat = rules.find(
        (r) => r.target === 'DNAT' && r.toDestination === endpoint.destination,
      );
      if (dnat && (after.get(dnat.text) ?? 0) > (before.get(dnat.text) ?? 0))
        chosen = endpoint.destination;
    }
  }
  // Followed again to the endpoint the connection really got (the prediction's note on the
  // random pick no longer applies), and said so.
  const trace = chosen ? await tracePath(io, { ...request, chosen }) : predicted;
  if (chosen && predicted.endpoints.length > 1) {
    trace.notes.push(
      `kube-proxy picked ${chosen} for the probe's connection (the counter of its DNAT rule moved).`,
    );
  }
  const byKey = new Map(seen.map((s) => [s.point.key, s.packets]));
  const expected = expectedKeys(trace);
  const hops = trace.hops.map((hop, i): TraceHop => {
    const key = hopKey(hop);
    const packets = key !== null && byKey.has(key) ? byKey.get(key)! : null;
    let hopSeen: boolean | null = packets === null ? null : packets > 0;
    if (hop.action === 'dnat') hopSeen = chosen !== undefined;
    if (hop.action === 'reply') hopSeen = conntrack.out.trim() !== '';
    if (hop.action === 'policy') {
      // A drop is seen when the packet got as far as the hop before it and no further.
      const previous = trace.hops[i - 1];
      const prevKey = previous ? hopKey(previous) : null;
      const reached = prevKey !== null && (byKey.get(prevKey) ?? 0) > 0;
      const destinationKey = `${hop.node ?? ''}:${hop.interface ?? ''}`;
      hopSeen = hop.what.includes('drop')
        ? reached && (byKey.get(destinationKey) ?? 0) === 0
        : reached;
    }
    return { ...hop, packets, seen: hopSeen };
  });
  const unseen = hops
    .filter((hop) => hop.seen === false)
    .map((hop) => `${hop.action} on ${hop.node ?? '?'} ${hop.interface ?? ''}: ${hop.what}`.trim());
  const unexpected = seen
    .filter((s) => s.packets > 0 && !expected.has(s.point.key))
    .map(
      (s) =>
        `${s.point.key} saw ${s.packets} packet(s) of the connection, where the path predicts none`,
    );
  return {
    ...trace,
    hops,
    probe: {
      request: requestScript,
      exitCode: sent.code,
      conntrack: conntrack.out.trim() || null,
      unseen,
      unexpected,
    },
  };
}
