// What `up` restores in kube-system, decided from one `kubectl get … -o name` listing.
import { describe, expect, it } from 'vitest';
import {
  ADDON_OBJECTS,
  addonRepairs,
  apiServiceIp,
  corefileChanged,
  presentObjects,
} from './ensure-addons.ts';

const ALL = [
  'configmap/kubeadm-config',
  'deployment.apps/coredns',
  'service/kube-dns',
  'daemonset.apps/kube-proxy',
  '',
].join('\n');

describe('presentObjects', () => {
  it('reads kubectl names without their API group', () => {
    const present = presentObjects(ALL);
    for (const object of ADDON_OBJECTS) expect(present.has(object)).toBe(true);
  });
});

describe('addonRepairs', () => {
  it('restores nothing when everything is there', () => {
    expect(addonRepairs(presentObjects(ALL))).toEqual([]);
  });

  it("restores everything, kubeadm's configuration first, when kube-system is empty", () => {
    expect(addonRepairs(presentObjects(''))).toEqual(['kubeadm-config', 'coredns', 'kube-proxy']);
  });

  it('restores CoreDNS when only its Service is gone', () => {
    const present = presentObjects(ALL.replace('service/kube-dns', ''));
    expect(addonRepairs(present)).toEqual(['coredns']);
  });

  it('restores kube-proxy alone when a learner deleted its DaemonSet', () => {
    const present = presentObjects(ALL.replace('daemonset.apps/kube-proxy', ''));
    expect(addonRepairs(present)).toEqual(['kube-proxy']);
  });
});

describe('corefileChanged', () => {
  it('is false only for an unchanged ConfigMap', () => {
    expect(corefileChanged('configmap/coredns unchanged\n')).toBe(false);
    expect(corefileChanged('configmap/coredns configured\n')).toBe(true);
    expect(corefileChanged('configmap/coredns created\n')).toBe(true);
    // one apply with kubelab's own add-ons: only the ConfigMap's line counts
    const together = 'configmap/coredns unchanged\nnamespace/local-path-storage configured\n';
    expect(corefileChanged(together)).toBe(false);
    expect(corefileChanged(together.replace('coredns unchanged', 'coredns configured'))).toBe(true);
  });
});

describe('the address kube-proxy must have a rule for before the add-ons start', () => {
  it('is the first of the service subnet', () => {
    expect(apiServiceIp('10.96.0.0/16')).toBe('10.96.0.1');
    expect(apiServiceIp('172.20.0.0/12')).toBe('172.20.0.1');
  });
});
