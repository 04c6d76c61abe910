import { describe, expect, it } from 'vitest';
import type { TopologyView } from '../../../main/api/schemas/topology.ts';
import { layoutTopology, linePath } from './topology-layout.ts';

function node(name: string, index: number): TopologyView['nodes'][number] {
  return {
    name,
    role: index === 1 ? 'control-plane' : 'worker',
    ip: `10.100.0.${10 + index}`,
    podCidr: `10.0.${index}.0/24`,
    running: true,
    interfaces: [
      { name: 'eth0', kind: 'ethernet', addresses: [`10.100.0.${10 + index}/24`] },
      { name: 'cni0', kind: 'bridge', addresses: [`10.0.${index}.1/24`] },
    ],
    routes: [],
  };
}

function pod(
  name: string,
  nodeName: string,
  ip: string,
  namespace = 'default',
): TopologyView['pods'][number] {
  return {
    namespace,
    name,
    node: nodeName,
    ip,
    phase: 'Running',
    hostNetwork: false,
    hostVeth: `veth-${name}`,
    labels: {},
    policies: [],
  };
}

const topology: TopologyView = {
  lab: 'ui',
  nodes: [node('control-plane', 1), node('worker1', 2)],
  pods: [
    pod('web-b', 'worker1', '10.0.2.3'),
    pod('web-a', 'control-plane', '10.0.1.3'),
    pod('coredns-1', 'control-plane', '10.0.1.2', 'kube-system'),
    {
      ...pod('kube-proxy-x', 'worker1', '10.100.0.12', 'kube-system'),
      hostNetwork: true,
      hostVeth: null,
    },
  ],
  services: [
    {
      namespace: 'default',
      name: 'web',
      type: 'NodePort',
      clusterIP: '10.96.4.5',
      ports: [{ port: 80, targetPort: '80', nodePort: 30080, protocol: 'TCP' }],
      endpoints: [
        { ip: '10.0.1.3', pod: 'default/web-a', ready: true },
        { ip: '10.0.2.3', pod: 'default/web-b', ready: false },
      ],
    },
    {
      namespace: 'kube-system',
      name: 'kube-dns',
      type: 'ClusterIP',
      clusterIP: '10.96.0.10',
      ports: [],
      endpoints: [{ ip: '10.0.1.2', pod: 'kube-system/coredns-1', ready: true }],
    },
  ],
  volumes: [
    {
      pv: 'pv-local',
      phase: 'Bound',
      storageClass: 'local',
      capacity: '10Gi',
      claim: { namespace: 'default', name: 'hostpath-pvc' },
      path: '/mnt/data',
      hostFolder: '/root/.kubelab/labs/ui/nodes/worker1/mnt/data',
      node: 'worker1',
      users: ['default/web-b'],
    },
  ],
  unboundClaims: [
    {
      namespace: 'default',
      name: 'volume-claim',
      phase: 'Pending',
      storageClass: 'slow',
      users: [],
    },
    {
      namespace: 'default',
      name: 'waiting',
      phase: 'Pending',
      storageClass: null,
      users: ['default/web-a'],
    },
  ],
};

describe('layoutTopology', () => {
  const layout = layoutTopology(topology, { system: false });

  it('puts nodes in columns, left to right, with eth0 above cni0', () => {
    expect(layout.nodes.map((n) => n.name)).toEqual(['control-plane', 'worker1']);
    const [a, b] = layout.nodes;
    expect(a!.x + a!.w).toBeLessThan(b!.x);
    expect(a!.eth0.y + a!.eth0.h).toBeLessThan(a!.cni0.y);
    expect(a!.cni0.label).toBe('cni0 10.0.1.1/24');
    expect(a!.h).toBe(b!.h);
  });

  it('hangs each pod under its own node’s cni0 on its veth, and hides system pods by default', () => {
    expect(layout.pods.map((p) => p.id)).toEqual(['default/web-a', 'default/web-b']);
    const webB = layout.pods.find((p) => p.name === 'web-b')!;
    const worker = layout.nodes[1]!;
    expect(webB.x).toBeGreaterThan(worker.x);
    expect(webB.x + webB.w).toBeLessThanOrEqual(worker.x + worker.w);
    expect(webB.y).toBeGreaterThan(worker.cni0.y + worker.cni0.h);
    expect(webB.link[0]).toEqual({ x: webB.link[1]!.x, y: worker.cni0.y + worker.cni0.h });
    expect(webB.link.at(-1)).toEqual({ x: webB.x, y: webB.y + webB.h / 2 });
    expect(layout.services.map((s) => s.id)).toEqual(['default/web']);
  });

  it('shows system pods, and host-network pods by name only, when asked', () => {
    const all = layoutTopology(topology, { system: true });
    expect(all.pods.map((p) => p.id)).toContain('kube-system/coredns-1');
    expect(all.pods.map((p) => p.id)).not.toContain('kube-system/kube-proxy-x');
    expect(all.nodes[1]!.hostNetworkPods).toEqual(['kube-proxy-x']);
    expect(all.services.map((s) => s.id)).toEqual(['default/web', 'kube-system/kube-dns']);
  });

  it('draws services above the nodes with a line to every endpoint pod, dashed when not ready', () => {
    const service = layout.services[0]!;
    expect(service.y + service.h).toBeLessThan(layout.bus.y);
    expect(layout.bus.y).toBeLessThan(layout.nodes[0]!.y);
    const endpoints = layout.lines.filter((l) => l.kind === 'endpoint');
    expect(endpoints.map((l) => [l.id, l.dashed])).toEqual([
      ['endpoint:default/web:default/web-a', false],
      ['endpoint:default/web:default/web-b', true],
    ]);
  });

  it('draws pod → PVC → PV → host folder below the nodes', () => {
    const volume = layout.volumes[0]!;
    expect(volume.claim!.label).toBe('PVC default/hostpath-pvc');
    expect(volume.folder!.label).toBe('/root/.kubelab/labs/ui/nodes/worker1/mnt/data');
    expect(volume.claim!.y).toBeGreaterThan(layout.nodes[0]!.y + layout.nodes[0]!.h);
    expect(volume.claim!.x + volume.claim!.w).toBeLessThan(volume.pv.x);
    expect(volume.pv.x + volume.pv.w).toBeLessThan(volume.folder!.x);
    expect(layout.lines.filter((l) => l.kind !== 'endpoint').map((l) => l.id)).toEqual([
      'bound:pv-local',
      'claim:default/web-b:pv-local',
      'folder:pv-local',
      'claim:default/web-a:default/waiting',
    ]);
    expect(layout.height).toBeGreaterThanOrEqual(volume.folder!.y + volume.folder!.h);
  });

  it('draws claims no PV is bound to below the volumes, saying why, with dashed lines from their pods', () => {
    const [first, second] = layout.unboundClaims;
    expect(first).toMatchObject({
      id: 'default/volume-claim',
      note: 'Pending: no PersistentVolume matches (class slow) — kubectl describe pvc volume-claim',
    });
    expect(first!.y).toBeGreaterThan(layout.volumes[0]!.pv.y);
    expect(second!.y).toBeGreaterThan(first!.y);
    expect(layout.lines.find((l) => l.id === 'claim:default/web-a:default/waiting')?.dashed).toBe(
      true,
    );
    expect(layout.height).toBeGreaterThanOrEqual(second!.y + second!.h);
  });

  it('is stable: the same topology in another order gives the same picture', () => {
    const shuffled = {
      ...topology,
      pods: [...topology.pods].reverse(),
      services: [...topology.services].reverse(),
    };
    expect(layoutTopology(shuffled, { system: false })).toEqual(layout);
  });

  it('keeps every box inside the picture', () => {
    const boxes = [...layout.nodes, ...layout.pods, ...layout.services];
    for (const b of boxes) {
      expect(b.x).toBeGreaterThanOrEqual(0);
      expect(b.x + b.w).toBeLessThanOrEqual(layout.width);
      expect(b.y + b.h).toBeLessThanOrEqual(layout.height);
    }
  });

  it('draws storage lines straight and crossing lines as curves', () => {
    const bound = layout.lines.find((l) => l.kind === 'bound')!;
    expect(linePath(bound)).toMatch(/^M [\d.]+ [\d.]+ L /);
    expect(linePath(layout.lines.find((l) => l.kind === 'endpoint')!)).toContain(' C ');
  });
});
