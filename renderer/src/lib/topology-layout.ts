// Where everything of a lab's topology goes in the Topology picture (SVG units). Pure and
// deterministic: the same topology always gives the same picture, so a 2-second poll that finds
// nothing new changes nothing on screen, and a new pod only adds its own box.
//
//   Services (ClusterIP / NodePort) ............................ top band
//   ─────── lab network (Docker bridge) ─────────────────────── bus
//   node column: eth0 → cni0 → veth → pod, pod, pod …           one column per node
//   PVC → PV → folder on the learner's disk ...................  storage band
import type {
  TopologyPodView,
  TopologyServiceView,
  TopologyView,
  TopologyVolumeView,
} from '../../../main/api/schemas/topology.ts';

export interface Box {
  x: number;
  y: number;
  w: number;
  h: number;
}

export interface NodeLayout extends Box {
  name: string;
  role: string;
  ip: string;
  running: boolean;
  eth0: Box & { label: string };
  cni0: Box & { label: string };
  /** Names of host-network pods (they share eth0; no veth of their own). */
  hostNetworkPods: string[];
}

export interface PodLayout extends Box {
  /** namespace/name */
  id: string;
  namespace: string;
  name: string;
  node: string;
  ip: string | null;
  phase: string;
  veth: string | null;
  /** NetworkPolicies that select the pod. */
  policies: string[];
  /** The veth drawn from cni0 to the pod. */
  link: Point[];
}

export interface ServiceLayout extends Box {
  id: string;
  namespace: string;
  name: string;
  type: string;
  clusterIP: string | null;
  ports: TopologyServiceView['ports'];
}

export interface Point {
  x: number;
  y: number;
}

export interface Line {
  id: string;
  kind: 'endpoint' | 'claim' | 'bound' | 'folder';
  /** Dashed: endpoint not ready, or claim not bound. */
  dashed: boolean;
  from: Point;
  to: Point;
  /** Endpoint lines run down this x (the gutter right of the pods) instead of across eth0/cni0. */
  via?: number;
}

export interface VolumeLayout {
  id: string;
  claim: (Box & { label: string }) | null;
  pv: Box & { label: string; phase: string };
  folder: (Box & { label: string; hostFolder: string | null; node: string | null }) | null;
}

/** A claim with no PV: a lone PVC box saying why. */
export interface ClaimLayout extends Box {
  id: string;
  label: string;
  phase: string;
  note: string;
}

export interface TopologyLayout {
  width: number;
  height: number;
  bus: { y: number; x1: number; x2: number };
  nodes: NodeLayout[];
  pods: PodLayout[];
  services: ServiceLayout[];
  volumes: VolumeLayout[];
  unboundClaims: ClaimLayout[];
  lines: Line[];
}

export interface LayoutOptions {
  /** Show kube-system / local-path-storage pods and Services too. */
  system: boolean;
}

const SYSTEM_NAMESPACES = new Set(['kube-system', 'local-path-storage', 'kube-public']);
export const MARGIN = 16;
export const COLUMN_WIDTH = 280;
const COLUMN_GAP = 24;
const SERVICE_WIDTH = 210;
const SERVICE_HEIGHT = 58;
const SERVICE_GAP = 16;
const BUS_GAP = 34;
const NODE_HEADER = 44;
const IFACE_HEIGHT = 36;
const POD_HEIGHT = 46;
const POD_GAP = 12;
const STORAGE_ROW = 56;
// Narrow enough that a 1-node lab is drawn near 1:1 in the scenario pane at 1280×800.
const MIN_WIDTH = 700;

export function isSystemNamespace(namespace: string): boolean {
  return SYSTEM_NAMESPACES.has(namespace);
}

function byId<T extends { namespace: string; name: string }>(a: T, b: T): number {
  return `${a.namespace}/${a.name}`.localeCompare(`${b.namespace}/${b.name}`);
}

function bottomCenter(b: Box): Point {
  return { x: b.x + b.w / 2, y: b.y + b.h };
}
function topCenter(b: Box): Point {
  return { x: b.x + b.w / 2, y: b.y };
}

export function layoutTopology(topology: TopologyView, options: LayoutOptions): TopologyLayout {
  const shown = (namespace: string): boolean => options.system || !isSystemNamespace(namespace);
  const pods = topology.pods.filter((p) => shown(p.namespace)).sort(byId);
  const services = topology.services.filter((s) => shown(s.namespace)).sort(byId);

  const columns = Math.max(topology.nodes.length, 1);
  const nodesWidth = columns * COLUMN_WIDTH + (columns - 1) * COLUMN_GAP;
  const servicesWidth = services.length * (SERVICE_WIDTH + SERVICE_GAP) - SERVICE_GAP;
  const width = Math.max(MIN_WIDTH, nodesWidth, servicesWidth) + 2 * MARGIN;

  // Services: one row, centred; wrapped into more rows if they do not fit.
  const perRow = Math.max(
    1,
    Math.floor((width - 2 * MARGIN + SERVICE_GAP) / (SERVICE_WIDTH + SERVICE_GAP)),
  );
  const serviceRows = Math.ceil(services.length / perRow);
  const serviceLayouts: ServiceLayout[] = services.map((s, i) => {
    const row = Math.floor(i / perRow);
    const inRow = Math.min(perRow, services.length - row * perRow);
    const rowWidth = inRow * (SERVICE_WIDTH + SERVICE_GAP) - SERVICE_GAP;
    const start = (width - rowWidth) / 2;
    return {
      id: `${s.namespace}/${s.name}`,
      namespace: s.namespace,
      name: s.name,
      type: s.type,
      clusterIP: s.clusterIP,
      ports: s.ports,
      x: start + (i % perRow) * (SERVICE_WIDTH + SERVICE_GAP),
      y: MARGIN + row * (SERVICE_HEIGHT + SERVICE_GAP),
      w: SERVICE_WIDTH,
      h: SERVICE_HEIGHT,
    };
  });
  const servicesBottom =
    MARGIN + Math.max(serviceRows, 1) * (SERVICE_HEIGHT + SERVICE_GAP) - SERVICE_GAP;
  const busY = servicesBottom + BUS_GAP;
  const nodeTop = busY + BUS_GAP;
  const nodesLeft = (width - nodesWidth) / 2;

  const podLayouts: PodLayout[] = [];
  const nodeLayouts: NodeLayout[] = topology.nodes.map((node, i) => {
    const x = nodesLeft + i * (COLUMN_WIDTH + COLUMN_GAP);
    const inner = { x: x + 14, w: COLUMN_WIDTH - 28 };
    const eth0: NodeLayout['eth0'] = {
      ...inner,
      y: nodeTop + NODE_HEADER,
      h: IFACE_HEIGHT,
      label: `eth0 ${node.ip}`,
    };
    const bridge = node.interfaces.find((iface) => iface.name === 'cni0');
    const cni0: NodeLayout['cni0'] = {
      ...inner,
      y: eth0.y + IFACE_HEIGHT + 26,
      h: IFACE_HEIGHT,
      label: `cni0 ${bridge?.addresses[0] ?? node.podCidr}`,
    };
    const onNode = pods.filter((p) => p.node === node.name);
    const bridged = onNode.filter((p) => !p.hostNetwork);
    bridged.forEach((pod, j) => {
      const y = cni0.y + IFACE_HEIGHT + 24 + j * (POD_HEIGHT + POD_GAP);
      const box = { x: x + 40, y, w: COLUMN_WIDTH - 54, h: POD_HEIGHT };
      const busX = x + 26;
      podLayouts.push({
        ...podFields(pod, node.name),
        ...box,
        link: [
          { x: busX, y: cni0.y + IFACE_HEIGHT },
          { x: busX, y: y + POD_HEIGHT / 2 },
          { x: box.x, y: y + POD_HEIGHT / 2 },
        ],
      });
    });
    return {
      name: node.name,
      role: node.role,
      ip: node.ip,
      running: node.running,
      x,
      y: nodeTop,
      w: COLUMN_WIDTH,
      h: 0, // set below: every column as tall as the tallest
      eth0,
      cni0,
      hostNetworkPods: onNode.filter((p) => p.hostNetwork).map((p) => p.name),
    };
  });
  const tallest = Math.max(
    0,
    ...nodeLayouts.map(
      (n) =>
        pods.filter((p) => p.node === n.name && !p.hostNetwork).length * (POD_HEIGHT + POD_GAP),
    ),
  );
  const hostLine = nodeLayouts.some((n) => n.hostNetworkPods.length > 0) ? 28 : 0;
  const nodeHeight = NODE_HEADER + 2 * IFACE_HEIGHT + 26 + 24 + tallest + hostLine + 10;
  for (const n of nodeLayouts) n.h = nodeHeight;

  const storageTop = nodeTop + nodeHeight + 40;
  const podById = new Map(podLayouts.map((p) => [p.id, p]));
  const volumes = [...topology.volumes].sort((a, b) => a.pv.localeCompare(b.pv));
  const lines: Line[] = [];
  const volumeLayouts = volumes.map((v, i) => volumeLayout(v, i, storageTop, width));
  volumes.forEach((v, i) => {
    const layout = volumeLayouts[i]!;
    if (layout.claim) {
      lines.push({
        id: `bound:${v.pv}`,
        kind: 'bound',
        dashed: v.phase !== 'Bound',
        from: { x: layout.claim.x + layout.claim.w, y: layout.claim.y + layout.claim.h / 2 },
        to: { x: layout.pv.x, y: layout.pv.y + layout.pv.h / 2 },
      });
      for (const user of v.users) {
        const pod = podById.get(user);
        if (pod) {
          lines.push({
            id: `claim:${user}:${v.pv}`,
            kind: 'claim',
            dashed: false,
            from: bottomCenter(pod),
            to: topCenter(layout.claim),
          });
        }
      }
    }
    if (layout.folder) {
      lines.push({
        id: `folder:${v.pv}`,
        kind: 'folder',
        dashed: false,
        from: { x: layout.pv.x + layout.pv.w, y: layout.pv.y + layout.pv.h / 2 },
        to: { x: layout.folder.x, y: layout.folder.y + layout.folder.h / 2 },
      });
    }
  });
  for (const service of serviceLayouts) {
    const source = topology.services.find((s) => `${s.namespace}/${s.name}` === service.id);
    for (const endpoint of source?.endpoints ?? []) {
      const pod = endpoint.pod ? podById.get(endpoint.pod) : undefined;
      if (!pod) continue;
      lines.push({
        id: `endpoint:${service.id}:${pod.id}`,
        kind: 'endpoint',
        dashed: !endpoint.ready,
        from: bottomCenter(service),
        to: { x: pod.x + pod.w, y: pod.y + pod.h / 2 },
        via: pod.x + pod.w + 7,
      });
    }
  }
  const claimsTop = storageTop + volumes.length * STORAGE_ROW;
  const claims = topology.unboundClaims.filter((c) => shown(c.namespace)).sort(byId);
  const claimLayouts: ClaimLayout[] = claims.map((c, i) => ({
    id: `${c.namespace}/${c.name}`,
    label: `PVC ${c.namespace}/${c.name}`,
    phase: c.phase,
    note: `${c.phase}: no PersistentVolume matches${c.storageClass ? ` (class ${c.storageClass})` : ''} — kubectl describe pvc ${c.name}`,
    x: MARGIN,
    y: claimsTop + i * STORAGE_ROW,
    w: 190,
    h: 42,
  }));
  claims.forEach((c, i) => {
    for (const user of c.users) {
      const pod = podById.get(user);
      if (pod) {
        lines.push({
          id: `claim:${user}:${c.namespace}/${c.name}`,
          kind: 'claim',
          dashed: true,
          from: bottomCenter(pod),
          to: topCenter(claimLayouts[i]!),
        });
      }
    }
  });
  const height = claimsTop + claims.length * STORAGE_ROW + MARGIN;
  return {
    width,
    height,
    bus: { y: busY, x1: MARGIN, x2: width - MARGIN },
    nodes: nodeLayouts,
    pods: podLayouts,
    services: serviceLayouts,
    volumes: volumeLayouts,
    unboundClaims: claimLayouts,
    lines,
  };
}

function podFields(
  pod: TopologyPodView,
  node: string,
): Omit<PodLayout, 'x' | 'y' | 'w' | 'h' | 'link'> {
  return {
    id: `${pod.namespace}/${pod.name}`,
    namespace: pod.namespace,
    name: pod.name,
    node,
    ip: pod.ip,
    phase: pod.phase,
    veth: pod.hostVeth,
    policies: pod.policies,
  };
}

function volumeLayout(
  v: TopologyVolumeView,
  row: number,
  top: number,
  width: number,
): VolumeLayout {
  const y = top + row * STORAGE_ROW;
  const h = 42;
  const claimBox = { x: MARGIN, y, w: 190, h };
  const pvBox = { x: MARGIN + 220, y, w: 190, h };
  const folderX = MARGIN + 440;
  return {
    id: v.pv,
    claim: v.claim ? { ...claimBox, label: `PVC ${v.claim.namespace}/${v.claim.name}` } : null,
    pv: {
      ...pvBox,
      label: `PV ${v.pv}${v.capacity ? ` · ${v.capacity}` : ''}`,
      phase: v.phase,
    },
    folder:
      v.path || v.hostFolder
        ? {
            x: folderX,
            y,
            w: width - MARGIN - folderX,
            h,
            label: v.hostFolder ?? `${v.path} (inside the node only)`,
            hostFolder: v.hostFolder,
            node: v.node,
          }
        : null,
  };
}

/** SVG path of a line: straight along the storage row, curved where it crosses the picture. */
export function linePath(line: Line): string {
  const { from, to } = line;
  if (line.kind === 'bound' || line.kind === 'folder') {
    return `M ${from.x} ${from.y} L ${to.x} ${to.y}`;
  }
  if (line.via !== undefined && to.y - 10 > from.y + 60) {
    // Down from the Service, over to the gutter, down it, and into the pod from the right.
    const x = line.via;
    return (
      `M ${from.x} ${from.y} C ${from.x} ${from.y + 30}, ${x} ${from.y + 30}, ${x} ${from.y + 60} ` +
      `L ${x} ${to.y - 10} Q ${x} ${to.y}, ${to.x} ${to.y}`
    );
  }
  const dy = Math.max(30, Math.abs(to.y - from.y) / 2);
  return `M ${from.x} ${from.y} C ${from.x} ${from.y + dy}, ${to.x} ${to.y - dy}, ${to.x} ${to.y}`;
}
