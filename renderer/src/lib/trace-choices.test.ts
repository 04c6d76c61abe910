// The pickers' lists from the recorded 1-node hostpath-pv lab (renderer/test/fixtures/README.md):
// two httpd pods behind the NodePort Service httpd, kube-system behind the system switch.
import { describe, expect, it } from 'vitest';
import { TopologySchema } from '../../../main/api/schemas/topology.ts';
import recorded from '../../test/fixtures/topology-hostpath-pv.json';
import {
  offers,
  pickDestination,
  pickSource,
  traceDestinations,
  traceSources,
} from './trace-choices.ts';
import type { TraceChoiceGroup } from './trace-choices.ts';

const topology = TopologySchema.parse(recorded);
const values = (groups: TraceChoiceGroup[], label: string): string[] =>
  groups.find((g) => g.label === label)?.choices.map((c) => c.value) ?? [];

describe('trace choices', () => {
  it('offers pods with their own network namespace, and the nodes, as sources', () => {
    const sources = traceSources(topology, { system: false });
    expect(sources.map((g) => g.label)).toEqual(['Pods', 'Nodes']);
    expect(values(sources, 'Pods')).toEqual([
      'default/httpd-5fddf8c9f4-b2ktj',
      'default/httpd-5fddf8c9f4-nvlf8',
    ]);
    expect(sources[1]!.choices).toEqual([
      { value: 'control-plane', label: 'control-plane (10.100.1.11)' },
    ]);
  });

  it('offers system pods only when the picture shows them, never host-network ones', () => {
    const pods = values(traceSources(topology, { system: true }), 'Pods');
    expect(pods).toContain('kube-system/coredns-57b95f4dbf-tdhdx');
    expect(pods).toContain('local-path-storage/local-path-provisioner-78db5c5d5c-rhms8');
    expect(pods.some((p) => p.includes('kube-proxy') || p.includes('etcd'))).toBe(false);
  });

  it('offers Services as NAME.NS:PORT (TCP only), pods, and each node’s IP:NodePort', () => {
    const destinations = traceDestinations(topology, { system: false });
    expect(destinations.map((g) => g.label)).toEqual(['Services', 'Pods', 'NodePorts']);
    expect(values(destinations, 'Services')).toEqual([
      'httpd.default:80',
      'kubernetes.default:443',
    ]);
    expect(values(destinations, 'NodePorts')).toEqual(['10.100.1.11:31698']);
    expect(destinations[2]!.choices[0]!.label).toBe(
      '10.100.1.11:31698 (control-plane, NodePort of httpd)',
    );
    // kube-dns's UDP 53 is no TCP connection to trace.
    expect(values(traceDestinations(topology, { system: true }), 'Services')).toEqual([
      'httpd.default:80',
      'kubernetes.default:443',
      'kube-dns.kube-system:53',
      'kube-dns.kube-system:9153',
    ]);
  });

  it('leaves out pods without an IP yet and groups with nothing in them', () => {
    const pending = {
      ...topology,
      pods: topology.pods.map((p) => ({ ...p, ip: null })),
      services: [],
    };
    expect(traceSources(pending, { system: false }).map((g) => g.label)).toEqual(['Nodes']);
    expect(traceDestinations(pending, { system: false })).toEqual([]);
  });

  it('turns a right-click into a pick: a pod is a source, a Service its first TCP port', () => {
    expect(pickSource({ namespace: 'default', name: 'client' })).toEqual({
      role: 'source',
      value: 'default/client',
    });
    const dns = topology.services.find((s) => s.name === 'kube-dns')!;
    expect(pickDestination(dns)).toEqual({ role: 'destination', value: 'kube-dns.kube-system:53' });
    expect(pickDestination({ ...dns, ports: dns.ports.filter((p) => p.protocol === 'UDP') })).toBe(
      null,
    );
  });

  it('knows whether a value is still offered', () => {
    const sources = traceSources(topology, { system: false });
    expect(offers(sources, 'control-plane')).toBe(true);
    expect(offers(sources, 'default/gone')).toBe(false);
    expect(offers(sources, '')).toBe(false);
  });
});
