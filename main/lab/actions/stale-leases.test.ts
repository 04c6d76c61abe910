import { describe, expect, it } from 'vitest';
import { labConfig } from '../config.ts';
import type { FoundNode } from '../discover.ts';
import { deleteLeasesArgs, leasePath, leasesAreStale } from './stale-leases.ts';

const config = labConfig('leases', 1);
const found = (running: boolean): Map<string, FoundNode> =>
  new Map([
    [
      'control-plane',
      {
        name: 'control-plane',
        id: 'x',
        container: 'kubelab-leases-control-plane',
        running,
        state: running ? 'running' : 'exited',
        image: 'kubelab/node',
      },
    ],
  ]);

describe('the stopped control plane’s leader leases', () => {
  it('are released only when this start brought a stopped control plane up', () => {
    expect(leasesAreStale('warm', config, found(false))).toBe(true);
    expect(leasesAreStale('repair', config, found(false))).toBe(true);
    expect(leasesAreStale('warm', config, found(true))).toBe(false);
    expect(leasesAreStale('resume', config, found(false))).toBe(false);
    expect(leasesAreStale('cold', config, new Map())).toBe(false);
  });

  it('are the controller manager’s and the scheduler’s, and never waited on', () => {
    expect(deleteLeasesArgs()).toEqual([
      '-n',
      'kube-system',
      'delete',
      'lease',
      'kube-controller-manager',
      'kube-scheduler',
      '--ignore-not-found',
      '--wait=false',
    ]);
  });
});

describe('leasePath', () => {
  it('is the path kubectl deletes for a kube-system lease', () => {
    expect(leasePath('kube-scheduler')).toBe(
      '/apis/coordination.k8s.io/v1/namespaces/kube-system/leases/kube-scheduler',
    );
  });
});
