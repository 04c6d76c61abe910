import { describe, expect, it } from 'vitest';
import { ADMIN_KUBECONFIG, controlPlaneKubectl } from './cluster.ts';
import { labConfig } from './config.ts';

describe('controlPlaneKubectl', () => {
  it('runs kubectl in the control-plane node with the admin kubeconfig', () => {
    expect(controlPlaneKubectl(labConfig('t1', 2), ['get', 'nodes'])).toEqual({
      container: 'kubelab-t1-control-plane',
      command: ['kubectl', `--kubeconfig=${ADMIN_KUBECONFIG}`, 'get', 'nodes'],
    });
  });
});
