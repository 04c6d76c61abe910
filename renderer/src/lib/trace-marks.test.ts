// What a trace's hops light up in the Topology picture, on the recorded 1-node lab and the fake
// trace of renderer/test/fixtures/trace-httpd.ts (httpd pod → the httpd Service → the other pod).
import { describe, expect, it } from 'vitest';
import { TopologySchema } from '../../../main/api/schemas/topology.ts';
import type { TraceHop } from '../../../main/api/schemas/trace.ts';
import recorded from '../../test/fixtures/topology-hostpath-pv.json';
import { TRACE } from '../../test/fixtures/trace-httpd.ts';
import { dnatService, hopPod, hopTargets, traceDrawing } from './trace-marks.ts';
import { layoutTopology } from './topology-layout.ts';

const topology = TopologySchema.parse(recorded);
const layout = layoutTopology(topology, { system: false });
const FROM = 'default/httpd-5fddf8c9f4-b2ktj';
const TO = 'default/httpd-5fddf8c9f4-nvlf8';
const targets = (hop: TraceHop): ReturnType<typeof hopTargets> => hopTargets(hop, TRACE, topology);

describe('hopTargets', () => {
  it('reads the pod out of a pod network namespace', () => {
    expect(hopPod({ netns: `pod ${FROM}` })).toBe(FROM);
    expect(hopPod({ netns: 'node' })).toBeNull();
    expect(hopPod({ netns: 'cluster DNS' })).toBeNull();
  });

  it('names, hop by hop, the shapes of the httpd trace', () => {
    expect(TRACE.hops.map(targets)).toEqual([
      [{ kind: 'pod', pod: FROM }], // send: in the source pod
      [
        { kind: 'veth', pod: FROM },
        { kind: 'cni0', node: 'control-plane' },
      ], // bridge: its veth, a port of cni0
      [
        { kind: 'stack', node: 'control-plane' },
        { kind: 'service', service: 'default/httpd' },
      ], // dnat: in the node, for the Service
      [{ kind: 'cni0', node: 'control-plane' }], // route to cni0
      [
        { kind: 'veth', pod: TO },
        { kind: 'cni0', node: 'control-plane' },
      ],
      [{ kind: 'pod', pod: TO }], // deliver
      [{ kind: 'stack', node: 'control-plane' }], // reply: conntrack in the node
    ]);
  });

  it('puts eth0 hops on the node’s eth0, and interfaces not drawn on the node itself', () => {
    const hop = TRACE.hops[3]!;
    expect(targets({ ...hop, interface: 'eth0' })).toEqual([
      { kind: 'eth0', node: 'control-plane' },
    ]);
    expect(targets({ ...hop, interface: 'tunl0' })).toEqual([
      { kind: 'stack', node: 'control-plane' },
    ]);
    // A policy verdict is on the destination's veth, without cni0.
    expect(targets({ ...hop, action: 'policy', interface: 'veth4abbf395' })).toEqual([
      { kind: 'veth', pod: TO },
    ]);
  });

  it('shows a DNS answer on kube-dns, and nothing for a hop with no node', () => {
    const dns: TraceHop = { ...TRACE.hops[0]!, action: 'dns', node: null, netns: 'cluster DNS' };
    expect(targets(dns)).toEqual([{ kind: 'service', service: 'kube-system/kube-dns' }]);
    expect(targets({ ...dns, action: 'route' })).toEqual([]);
  });

  it('finds the Service of a DNAT by ClusterIP, or by NodePort on a node’s address', () => {
    expect(dnatService(TRACE, topology)).toBe('default/httpd');
    const nodePort = { ...TRACE, target: { ip: '10.100.1.11', port: 31698, protocol: 'TCP' } };
    expect(dnatService(nodePort, topology)).toBe('default/httpd');
    const other = { ...TRACE, target: { ip: '10.0.1.5', port: 80, protocol: 'TCP' } };
    expect(dnatService(other, topology)).toBeNull();
  });
});

describe('traceDrawing', () => {
  const drawing = traceDrawing(TRACE, topology, layout);
  const mark = (key: string): (typeof drawing.marks)[number] | undefined =>
    drawing.marks.find((m) => m.key === key);

  it('outlines each shape once, with the numbers of every hop that names it', () => {
    expect(drawing.marks.map((m) => [m.key, m.hops])).toEqual([
      [`pod:${FROM}`, [0]],
      [`veth:${FROM}`, [1]],
      ['cni0:control-plane', [1, 3, 4]],
      ['stack:control-plane', [2, 6]],
      ['service:default/httpd', [2]],
      [`veth:${TO}`, [4]],
      [`pod:${TO}`, [5]],
    ]);
    const pod = layout.pods.find((p) => p.id === FROM)!;
    expect(mark(`pod:${FROM}`)?.box).toEqual({ x: pod.x, y: pod.y, w: pod.w, h: pod.h });
    expect(mark(`veth:${FROM}`)?.points).toEqual(pod.link);
    expect(mark('cni0:control-plane')?.box).toEqual(
      expect.objectContaining({ y: layout.nodes[0]!.cni0.y }),
    );
  });

  it('runs the path through each hop’s first shape, in order', () => {
    expect(drawing.anchors).toHaveLength(TRACE.hops.length);
    expect(drawing.anchors.every((a) => a !== null)).toBe(true);
    // A DNAT passes through the node, not the Service (which only explains it).
    expect(drawing.anchors[2]).toEqual(mark('stack:control-plane')!.anchor);
    expect(drawing.path).toHaveLength(TRACE.hops.length);
    expect(drawing.path[0]).toEqual(mark(`pod:${FROM}`)!.anchor);
  });

  it('draws nothing for hops whose shapes are not in the picture (kube-system hidden)', () => {
    const dns: TraceHop = { ...TRACE.hops[0]!, action: 'dns', node: null, netns: 'cluster DNS' };
    const withDns = { ...TRACE, hops: [dns, ...TRACE.hops] };
    const hidden = traceDrawing(withDns, topology, layout);
    expect(hidden.anchors[0]).toBeNull();
    expect(hidden.path).toHaveLength(TRACE.hops.length);
    const shown = traceDrawing(withDns, topology, layoutTopology(topology, { system: true }));
    expect(shown.marks.map((m) => m.key)).toContain('service:kube-system/kube-dns');
  });

  it('drops a point repeated by the next hop from the path', () => {
    const twice = { ...TRACE, hops: [TRACE.hops[3]!, TRACE.hops[3]!, TRACE.hops[5]!] };
    const drawn = traceDrawing(twice, topology, layout);
    expect(drawn.anchors).toHaveLength(3);
    expect(drawn.path).toHaveLength(2);
    expect(drawn.marks[0]!.hops).toEqual([0, 1]);
  });
});
