import { describe, expect, it } from 'vitest';
import { cniConflist, routesScript } from './cni.ts';
import { STICKY_IPAM_TYPE } from './sticky-pod-ips.ts';
import { labConfig } from './config.ts';

describe('routesScript', () => {
  const config = labConfig('t', 3);
  const [controlPlane, worker1, worker2] = config.nodes;
  const script = routesScript(config, worker1!);

  it("routes the other nodes' pod subnets through them, not its own", () => {
    expect(script).toContain(`ip route replace ${controlPlane!.podCidr} via ${controlPlane!.ip}`);
    expect(script).toContain(`ip route replace ${worker2!.podCidr} via ${worker2!.ip}`);
    expect(script).not.toContain(`ip route replace ${worker1!.podCidr}`);
  });

  it("refuses pods' and the node's packets still addressed to a ClusterIP", () => {
    expect(script).toContain(`iptables -A KUBELAB-SVC -d ${config.serviceSubnet} -j REJECT`);
    // Flushed and re-filled, and jumped to only once however often the script runs.
    expect(script).toContain('iptables -F KUBELAB-SVC');
    expect(script).toContain(
      'iptables -C FORWARD -j KUBELAB-SVC 2>/dev/null || iptables -A FORWARD -j KUBELAB-SVC',
    );
    expect(script).toContain(
      'iptables -C OUTPUT -j KUBELAB-SVC 2>/dev/null || iptables -A OUTPUT -j KUBELAB-SVC',
    );
    // pods' untranslated packets are refused by routing, whatever the filter table accepts first
    expect(script).toContain(
      `ip rule add priority 100 iif cni0 to ${config.serviceSubnet} unreachable`,
    );
    expect(script.indexOf('ip rule del priority 100')).toBeLessThan(
      script.indexOf('ip rule add priority 100'),
    );
  });
});

describe('cniConflist', () => {
  it('hands out addresses from the node’s own subnet through the IP-keeping host-local', () => {
    const [, worker1] = labConfig('t', 3).nodes;
    const conflist = JSON.parse(cniConflist(worker1!)) as {
      plugins: { ipam: { type: string; ranges: unknown } }[];
    };
    const bridge = conflist.plugins[0]!;
    expect(bridge.ipam.type).toBe(STICKY_IPAM_TYPE);
    expect(bridge.ipam.ranges).toEqual([
      [{ subnet: worker1!.podCidr, gateway: worker1!.bridgeIp }],
    ]);
  });
});
