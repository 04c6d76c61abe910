import { describe, expect, it } from 'vitest';
import { ADMIN_KUBECONFIG, controlPlaneKubectl, readyNodeNames, waitFor } from './cluster.ts';
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

describe('waitFor', () => {
  it('looks until the probe says yes, at the interval asked', async () => {
    let looks = 0;
    await waitFor('three looks', 5_000, () => Promise.resolve(++looks === 3), { intervalMs: 1 });
    expect(looks).toBe(3);
  });

  it('times out naming what it waited for and the last error', async () => {
    await expect(
      waitFor('the impossible', 30, () => Promise.reject(new Error('refused')), { intervalMs: 5 }),
    ).rejects.toThrow(/waiting for the impossible\. Last error: refused/);
  });

  it('stops looking once its signal is aborted, with the reason', async () => {
    const stop = new AbortController();
    let looks = 0;
    const waiting = waitFor(
      'never',
      60_000,
      () => {
        if (++looks === 2) stop.abort(new Error('another wait failed'));
        return Promise.resolve(false);
      },
      { intervalMs: 1, signal: stop.signal },
    );
    await expect(waiting).rejects.toThrow('another wait failed');
    expect(looks).toBe(2);
  });
});
