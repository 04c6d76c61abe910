// Which parts of the Topology picture a trace's hops name, and where the path runs over it. A hop
// says where it is (node, network namespace, interface); this turns that into the shapes
// topology-layout.ts placed: the pod whose namespace it is, the pod whose host-side veth it is
// on, a node's eth0 or cni0, or the node's own stack (routes, iptables) between them — and, for
// kube-proxy's DNAT, the Service it translates. Pure, so the decisions are tested alone.
import type { Trace, TraceHop } from '../../../main/api/schemas/trace.ts';
import type { TopologyView } from '../../../main/api/schemas/topology.ts';
import type { Box, NodeLayout, Point, TopologyLayout } from './topology-layout.ts';

export type HopTarget =
  | { kind: 'pod'; pod: string }
  | { kind: 'veth'; pod: string }
  | { kind: 'eth0' | 'cni0' | 'stack'; node: string }
  | { kind: 'service'; service: string };

export interface TraceMark {
  /** One per shape: `pod:NS/NAME`, `veth:NS/NAME`, `eth0:NODE`, `service:NS/NAME`, … */
  key: string;
  kind: HopTarget['kind'];
  /** A box to outline, or (a veth) the line to draw over. */
  box: Box | null;
  points: Point[];
  /** Where the path passes through it, and where its hop numbers go. */
  anchor: Point;
  badge: Point;
  /** Indexes of the hops that name it, in order. */
  hops: number[];
}

export interface TraceDrawing {
  marks: TraceMark[];
  /** Per hop: where the path passes (null: nothing it names is drawn, e.g. a hidden pod). */
  anchors: (Point | null)[];
  /** The anchors in hop order, a point repeated by the next hop dropped. */
  path: Point[];
}

const POD_NETNS = /^pod (\S+\/\S+)$/;

/** The pod ("NS/NAME") whose network namespace a hop is in; null for a node's own. */
export function hopPod(hop: Pick<TraceHop, 'netns'>): string | null {
  return POD_NETNS.exec(hop.netns)?.[1] ?? null;
}

/** The Service kube-proxy translates: the ClusterIP asked for, or a NodePort on a node's IP. */
export function dnatService(trace: Trace, topology: TopologyView): string | null {
  const { ip, port } = trace.target;
  const onNode = topology.nodes.some((n) => n.ip === ip);
  const service = topology.services.find((s) =>
    onNode ? s.ports.some((p) => p.nodePort === port) : s.clusterIP === ip,
  );
  return service ? `${service.namespace}/${service.name}` : null;
}

export function hopTargets(hop: TraceHop, trace: Trace, topology: TopologyView): HopTarget[] {
  if (hop.action === 'dns') {
    // CoreDNS answers behind kube-dns; drawn only when system Services are shown.
    const dns = topology.services.find(
      (s) => s.namespace === 'kube-system' && s.name === 'kube-dns',
    );
    return dns ? [{ kind: 'service', service: 'kube-system/kube-dns' }] : [];
  }
  const pod = hopPod(hop);
  if (pod) return [{ kind: 'pod', pod }];
  const node = hop.node;
  if (node === null) return [];
  const targets: HopTarget[] = [];
  const vethOf = hop.interface
    ? topology.pods.find((p) => p.node === node && p.hostVeth === hop.interface)
    : undefined;
  if (vethOf) {
    targets.push({ kind: 'veth', pod: `${vethOf.namespace}/${vethOf.name}` });
    // A veth is a port of cni0: a frame on it is one cni0 switches.
    if (hop.action === 'bridge') targets.push({ kind: 'cni0', node });
  } else if (hop.interface === 'eth0' || hop.interface === 'cni0') {
    targets.push({ kind: hop.interface, node });
  } else {
    // No interface (DNAT, a node sending, the reply's un-NAT) or one not drawn: the node itself.
    targets.push({ kind: 'stack', node });
  }
  if (hop.action === 'dnat') {
    const service = dnatService(trace, topology);
    if (service) targets.push({ kind: 'service', service });
  }
  return targets;
}

type Shape = Omit<TraceMark, 'hops'>;

const topRight = (b: Box): Point => ({ x: b.x + b.w - 10, y: b.y });

function boxShape(key: string, kind: HopTarget['kind'], box: Box, anchor: Point): Shape {
  // Only the box: not the whole pod or Service layout it was read from.
  const { x, y, w, h } = box;
  return { key, kind, box: { x, y, w, h }, points: [], anchor, badge: topRight(box) };
}

/** The band between eth0 and cni0, where the picture says "routes": the node's own stack. */
function stackBox(node: NodeLayout): Box {
  const top = node.eth0.y + node.eth0.h + 4;
  return { x: node.eth0.x, y: top, w: node.eth0.w, h: node.cni0.y - 4 - top };
}

function shapeOf(target: HopTarget, layout: TopologyLayout): Shape | null {
  if (target.kind === 'pod' || target.kind === 'veth') {
    const pod = layout.pods.find((p) => p.id === target.pod);
    if (!pod) return null;
    const key = `${target.kind}:${pod.id}`;
    if (target.kind === 'pod') {
      return boxShape(key, 'pod', pod, { x: pod.x, y: pod.y + pod.h / 2 });
    }
    const [, corner, end] = pod.link;
    const anchor = corner && end ? { x: (corner.x + end.x) / 2, y: end.y } : topRight(pod);
    return { key, kind: 'veth', box: null, points: pod.link, anchor, badge: anchor };
  }
  if (target.kind === 'service') {
    const service = layout.services.find((s) => s.id === target.service);
    if (!service) return null;
    const anchor = { x: service.x + service.w / 2, y: service.y + service.h };
    return boxShape(`service:${service.id}`, 'service', service, anchor);
  }
  const node = layout.nodes.find((n) => n.name === target.node);
  if (!node) return null;
  const box = target.kind === 'stack' ? stackBox(node) : node[target.kind];
  const anchor = { x: node.eth0.x + node.eth0.w / 2, y: box.y + box.h / 2 };
  return boxShape(`${target.kind}:${node.name}`, target.kind, box, anchor);
}

export function traceDrawing(
  trace: Trace,
  topology: TopologyView,
  layout: TopologyLayout,
): TraceDrawing {
  const marks = new Map<string, TraceMark>();
  const anchors = trace.hops.map((hop, index) => {
    let anchor: Point | null = null;
    for (const target of hopTargets(hop, trace, topology)) {
      const shape = shapeOf(target, layout);
      if (!shape) continue;
      const mark = marks.get(shape.key) ?? { ...shape, hops: [] };
      if (!mark.hops.includes(index)) mark.hops.push(index);
      marks.set(shape.key, mark);
      // The first shape a hop names is where the packet is; the rest (a DNAT's Service) explain.
      anchor ??= shape.anchor;
    }
    return anchor;
  });
  const path: Point[] = [];
  for (const point of anchors) {
    const last = path.at(-1);
    if (point && (!last || last.x !== point.x || last.y !== point.y)) path.push(point);
  }
  return { marks: [...marks.values()], anchors, path };
}
