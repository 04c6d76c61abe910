// The path of one TCP connection's first packet through the lab, decided from the lab's state
// (TraceIo): out of the source's namespace, across cni0, through kube-proxy's DNAT where the
// destination is a Service, along the node routes, through the destination's NetworkPolicy,
// into the destination — and, for a translated connection, the reply's way back through
// conntrack. Each hop quotes the route or rule that does it and the command that shows it.
import type { Trace, TraceHop } from '../api/schemas/trace.ts';
import type { TopologyNode, TopologyPod } from '../lab/topology/types.ts';
import type { EndpointChoice, NatRule } from './iptables.ts';
import {
  endpointChoices,
  masqueradeRule,
  nodePortRule,
  serviceChainOf,
  serviceRule,
} from './iptables.ts';
import { ingressVerdict } from './policy.ts';
import type { TraceIo } from './state.ts';

export type TraceSource = { kind: 'pod'; pod: TopologyPod } | { kind: 'node'; node: TopologyNode };

export interface TraceRequest {
  from: string;
  to: string;
  source: TraceSource;
  ip: string;
  port: number;
  /** Hops that come before the packet (a DNS answer). */
  before: TraceHop[];
  /** Follow this endpoint (IP:PORT) of a Service: what a probe saw kube-proxy pick. */
  chosen?: string;
}

type HopInput = Omit<TraceHop, 'packets' | 'seen'>;

function hop(input: HopInput): TraceHop {
  return { ...input, packets: null, seen: null };
}

const podName = (pod: TopologyPod): string => `${pod.namespace}/${pod.name}`;

export class TraceError extends Error {}

export async function tracePath(io: TraceIo, request: TraceRequest): Promise<Trace> {
  const { topology } = io;
  const hops: TraceHop[] = [...request.before];
  const notes: string[] = [];
  const podByIp = (ip: string): TopologyPod | null =>
    topology.pods.find((p) => p.ip === ip && !p.hostNetwork) ?? null;
  const nodeByIp = (ip: string): TopologyNode | null =>
    topology.nodes.find((n) => n.ip === ip) ?? null;
  let ip = request.ip;
  let port = request.port;
  let endpoints: EndpointChoice[] = [];
  let chosen: EndpointChoice | null = null;
  let masquerade = false;
  let node: string;
  let sourceIp: string;

  // 1. Out of the source.
  if (request.source.kind === 'pod') {
    const pod = request.source.pod;
    if (!pod.node || !pod.ip) throw new TraceError(`Pod ${podName(pod)} has no IP yet.`);
    node = pod.node;
    sourceIp = pod.ip;
    const netns = await io.netnsOf(pod);
    if (!netns)
      throw new TraceError(`Cannot find the network namespace of ${podName(pod)} on ${node}.`);
    const route = await io.routeGet(node, netns, ip);
    hops.push(
      hop({
        action: 'send',
        node,
        netns: `pod ${podName(pod)}`,
        interface: route.dev ?? 'eth0',
        what: route.gateway
          ? `${podName(pod)} (${pod.ip}) sends to ${ip}:${port} through its default gateway ${route.gateway} (cni0 on ${node})`
          : `${podName(pod)} (${pod.ip}) sends to ${ip}:${port} directly: the address is on its own subnet`,
        rule: route.text,
        command: `ip netns exec ${netns} ip route get ${ip}`,
        runIn: node,
      }),
    );
    const target = podByIp(ip);
    if (!route.gateway && target?.node === node) {
      // Same subnet, same node: cni0 switches the frame from one veth to the other.
      hops.push(
        hop({
          action: 'bridge',
          node,
          netns: 'node',
          interface: pod.hostVeth,
          what: `the frame enters cni0 through ${pod.hostVeth ?? 'the source veth'}: one subnet, so cni0 switches it (no routing, no NAT)`,
          rule: `${pod.hostVeth ?? '?'} master cni0`,
          command: 'bridge link show',
          runIn: node,
        }),
      );
      return finish(target);
    }
    hops.push(
      hop({
        action: 'bridge',
        node,
        netns: 'node',
        interface: pod.hostVeth,
        what: `the packet enters ${node} through ${pod.hostVeth ?? 'the pod’s veth'}, a port of cni0, addressed to the gateway: the node routes it`,
        rule: `${pod.hostVeth ?? '?'} master cni0`,
        command: `ip link show ${pod.hostVeth ?? 'master cni0'}`,
        runIn: node,
      }),
    );
  } else {
    node = request.source.node.name;
    sourceIp = request.source.node.ip;
    hops.push(
      hop({
        action: 'send',
        node,
        netns: 'node',
        interface: null,
        what: `${node} sends to ${ip}:${port} from its own network namespace`,
        rule: null,
        command: `ip route get ${ip}`,
        runIn: node,
      }),
    );
  }

  // 2. A NodePort on another node's address: the packet goes there first, unchanged.
  const nodeTarget = nodeByIp(ip);
  if (nodeTarget && nodeTarget.name !== node && nodePortRule(await io.nat(nodeTarget.name), port)) {
    const toNode = await io.routeGet(node, null, ip);
    hops.push(
      hop({
        action: 'route',
        node,
        netns: 'node',
        interface: toNode.dev,
        what: `${node} sends it to ${nodeTarget.name} (${ip}) out of ${toNode.dev ?? 'eth0'}`,
        rule: toNode.text,
        command: `ip route get ${ip}`,
        runIn: node,
      }),
    );
    node = nodeTarget.name;
    hops.push(
      hop({
        action: 'route',
        node,
        netns: 'node',
        interface: 'eth0',
        what: `${node} receives it on eth0: ${ip} is its own address, and ${port} a NodePort`,
        rule: null,
        command: 'iptables -t nat -L KUBE-NODEPORTS -n -v',
        runIn: node,
      }),
    );
  }

  // 3. kube-proxy: a Service address (or a NodePort on this node's address) is translated here.
  const nat = await io.nat(node);
  const local = nodeByIp(ip)?.name === node;
  const nodePort = local ? nodePortRule(nat, port) : null;
  const entry = serviceRule(nat, ip, port) ?? nodePort;
  if (entry) {
    const { chain, via } = serviceChainOf(nat, entry.target);
    endpoints = endpointChoices(nat, chain);
    if (endpoints.length === 0) {
      throw new TraceError(
        `kube-proxy has no endpoint for ${ip}:${port} (${entry.comment ?? chain}): the Service selects no ready pod.`,
      );
    }
    chosen =
      endpoints.find((e) => e.destination === request.chosen) ??
      endpoints.find((e) => podByIp(e.destination.split(':')[0] ?? '')?.node !== node) ??
      endpoints[0]!;
    if (!request.chosen && endpoints.length > 1) {
      notes.push(
        `kube-proxy picks one of ${endpoints.length} endpoints at random per connection; this path follows ${chosen.destination}. --probe follows the one it really picks.`,
      );
    }
    const rules: NatRule[] = [entry, ...via, chosen.rule, chosen.dnat];
    // Traffic from outside the pod network (a node, a NodePort) is marked for masquerade, so
    // that the reply comes back through this node to be un-NATed.
    if (nodePort || request.source.kind === 'node') masquerade = true;
    const fromHere = request.source.kind === 'node' && request.source.node.name === node;
    hops.push(
      hop({
        action: 'dnat',
        node,
        netns: 'node',
        interface: null,
        what: `kube-proxy's rules (${fromHere ? 'nat OUTPUT' : 'nat PREROUTING'} → ${nodePort ? 'KUBE-NODEPORTS' : 'KUBE-SERVICES'} → ${chain}) pick ${chosen.destination} (chance ${(chosen.share * 100).toFixed(0)} %) and rewrite the destination ${ip}:${port} → ${chosen.destination}`,
        rule: rules.map((r) => r.text).join('\n'),
        command: `iptables -t nat -L ${chain} -n -v && iptables -t nat -L ${chosen.rule.target} -n -v`,
        runIn: node,
      }),
    );
    const [dnatIp = ip, dnatPort = String(port)] = chosen.destination.split(':');
    ip = dnatIp;
    port = Number(dnatPort);
  }

  // 4. The node routes it: to its own cni0, or to the node that owns the destination's subnet.
  const route = await io.routeGet(node, null, ip);
  if (route.local) {
    hops.push(
      hop({
        action: 'deliver',
        node,
        netns: 'node',
        interface: route.dev,
        what: `${ip} is ${node}'s own address: delivered to the node`,
        rule: route.text,
        command: `ip route get ${ip}`,
        runIn: node,
      }),
    );
    return done();
  }
  hops.push(
    hop({
      action: 'route',
      node,
      netns: 'node',
      interface: route.dev,
      what: route.gateway
        ? `${node} routes ${ip} to ${nodeByIp(route.gateway)?.name ?? route.gateway} (${route.gateway}) out of ${route.dev ?? 'eth0'}`
        : `${node} routes ${ip} to its ${route.dev ?? 'cni0'}`,
      rule: route.text,
      command: `ip route get ${ip}`,
      runIn: node,
    }),
  );
  if (masquerade) {
    const masq = masqueradeRule(nat);
    hops.push(
      hop({
        action: 'snat',
        node,
        netns: 'node',
        interface: route.dev,
        what: `marked by kube-proxy for masquerade: the source ${sourceIp} becomes ${node}'s address on ${route.dev ?? 'the way out'}, so the reply comes back through ${node}`,
        rule: masq?.text ?? null,
        command: 'iptables -t nat -L KUBE-POSTROUTING -n -v',
        runIn: node,
      }),
    );
  }
  if (route.gateway) {
    const next = nodeByIp(route.gateway);
    if (!next) {
      notes.push(`${route.gateway} is not a node of the lab: the trace ends at ${node}.`);
      return done();
    }
    node = next.name;
    const onward = await io.routeGet(node, null, ip);
    hops.push(
      hop({
        action: 'route',
        node,
        netns: 'node',
        interface: 'eth0',
        what: `${node} receives it on eth0 and routes ${ip} to its ${onward.dev ?? 'cni0'}`,
        rule: onward.text,
        command: `ip route get ${ip}`,
        runIn: node,
      }),
    );
  }
  const target = podByIp(ip);
  if (!target) {
    notes.push(`No pod has the address ${ip}: the trace ends at ${node}.`);
    return done();
  }
  return finish(target);

  function finish(destination: TopologyPod): Trace {
    const verdict = ingressVerdict(
      io.policies,
      destination,
      { ip: sourceIp, pod: request.source.kind === 'pod' ? request.source.pod : null },
      port,
    );
    if (verdict.verdict !== 'none') {
      hops.push(
        hop({
          action: 'policy',
          node: destination.node,
          netns: 'node',
          interface: destination.hostVeth,
          what:
            verdict.verdict === 'accept'
              ? `NetworkPolicy ${verdict.policies.join(', ')} selects ${podName(destination)} and allows this source and port: kube-router's rules accept it`
              : `NetworkPolicy ${verdict.policies.join(', ')} selects ${podName(destination)} and no rule allows this source and port: kube-router's rules drop it here`,
          rule: `policies: ${verdict.policies.join(', ')}`,
          command: `kubectl describe networkpolicy -n ${destination.namespace}`,
          runIn: null,
        }),
      );
      if (verdict.verdict === 'drop') return done();
    }
    hops.push(
      hop({
        action: 'bridge',
        node: destination.node,
        netns: 'node',
        interface: destination.hostVeth,
        what: `cni0 forwards it out of ${destination.hostVeth ?? 'the veth'} of ${podName(destination)}`,
        rule: `${destination.hostVeth ?? '?'} master cni0`,
        command: 'bridge link show',
        runIn: destination.node,
      }),
    );
    hops.push(
      hop({
        action: 'deliver',
        node: destination.node,
        netns: `pod ${podName(destination)}`,
        interface: 'eth0',
        what: `${podName(destination)} receives it on eth0 at ${ip}:${port}`,
        rule: null,
        command: `kubectl get pod -n ${destination.namespace} ${destination.name} -o wide`,
        runIn: null,
      }),
    );
    return done();
  }

  function done(): Trace {
    if (chosen && request.source.kind === 'pod') {
      hops.push(
        hop({
          action: 'reply',
          node: request.source.pod.node,
          netns: 'node',
          interface: null,
          what: `the reply from ${chosen.destination} is un-DNATed by conntrack on ${request.source.pod.node ?? '?'}: the source pod sees it come from ${request.ip}:${request.port}`,
          rule: null,
          command: `conntrack -L -p tcp --orig-dst ${request.ip}`,
          runIn: request.source.pod.node,
        }),
      );
    }
    return {
      from: request.from,
      to: request.to,
      target: { ip: request.ip, port: request.port, protocol: 'TCP' },
      endpoints: endpoints.map((e) => {
        const endpointPod = podByIp(e.destination.split(':')[0] ?? '');
        return {
          destination: e.destination,
          pod: endpointPod ? podName(endpointPod) : null,
          node: endpointPod?.node ?? null,
          share: e.share,
          rule: e.rule.text,
        };
      }),
      chosen: chosen?.destination ?? null,
      hops,
      notes,
      probe: null,
    };
  }
}
