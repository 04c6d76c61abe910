import { describe, expect, it } from 'vitest';
import { ADMIN_KUBECONFIG, controlPlaneKubectl, readyNodeNames } from './cluster.ts';
import type { NodeList } from './cluster.ts';
import { labConfig } from './config.ts';

describe('controlPlaneKubectl', () => {
  it('runs kubectl in the control-plane node with the admin kubeconfig', () => {
    expect(controlPlaneKubectl(labConfig('t1', 2), ['get', 'nodes'])).toEqual({
      container: 'kubelab-t1-control-plane',
      command: ['kubectl', `--kubeconfig=${ADMIN_KUBECONFIG}`, 'get', 'nodes'],
    });
  });
});

describe('readyNodeNames', () => {
  const node = (
    name: string,
    status: string,
    lastHeartbeatTime?: string,
  ): NodeList['items'][0] => ({
    metadata: { name },
    status: { conditions: [{ type: 'Ready', status, lastHeartbeatTime }] },
  });
  const nodes: NodeList = {
    items: [
      node('control-plane', 'True', '2026-12-04T00:38:27Z'),
      node('worker1', 'True', '2026-12-04T00:30:00Z'),
      node('worker2', 'False', '2026-12-04T00:38:30Z'),
    ],
  };

  it('counts the Nodes whose Ready condition is True', () => {
    expect(readyNodeNames(nodes)).toEqual(['control-plane', 'worker1']);
  });

  it('holds a restarted node to a report since its restart (a second of slack)', () => {
    const restart = Date.parse('2026-12-04T00:38:28Z');
    expect(readyNodeNames(nodes, { 'control-plane': restart, worker1: restart })).toEqual([
      'control-plane',
    ]);
    expect(readyNodeNames(nodes, { 'control-plane': restart + 1000 })).toEqual(['worker1']);
  });
});
