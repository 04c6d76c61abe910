import { describe, expect, it } from 'vitest';
import type { PodLayout, ServiceLayout } from './topology-layout.ts';
import { percentOf, phaseTone, podLabel, serviceLabel, servicePorts } from './topology-labels.ts';

const box = { x: 0, y: 0, w: 10, h: 10 };
const pod: PodLayout = {
  ...box,
  id: 'default/web-1',
  namespace: 'default',
  name: 'web-1',
  node: 'worker1',
  ip: '10.244.1.5',
  phase: 'Running',
  veth: 'veth12ab',
  policies: [],
  link: [],
};
const service: ServiceLayout = {
  ...box,
  id: 'default/web',
  namespace: 'default',
  name: 'web',
  type: 'NodePort',
  clusterIP: '10.96.0.20',
  ports: [
    { port: 80, nodePort: 30080, protocol: 'TCP', targetPort: '80' },
    { port: 53, nodePort: null, protocol: 'UDP', targetPort: '53' },
  ],
};

describe('topology labels', () => {
  it('colours a pod by its phase', () => {
    expect(['Running', 'Succeeded', 'Pending', 'Failed', 'Unknown'].map(phaseTone)).toEqual([
      'ok',
      'ok',
      'warn',
      'fail',
      'fail',
    ]);
  });

  it('names a pod with its IP, node, veth and the policies that select it', () => {
    expect(podLabel(pod)).toBe(
      'Pod default/web-1, Running, IP 10.244.1.5 on worker1, veth veth12ab',
    );
    expect(podLabel({ ...pod, ip: null, veth: null, policies: ['deny', 'allow'] })).toBe(
      'Pod default/web-1, Running, IP none on worker1, selected by NetworkPolicy deny, allow',
    );
  });

  it('lists a Service’s ports with their node ports', () => {
    expect(servicePorts(service)).toBe('80:30080/TCP, 53/UDP');
    expect(serviceLabel({ ...service, clusterIP: null, ports: [] })).toBe(
      'Service default/web, NodePort, ClusterIP none, ports none',
    );
  });

  it('places by percentage of the picture', () => {
    expect(percentOf(180, 720)).toBe('25.00%');
  });
});
