// The pod network, done the way the networking tutorials draw it: each node has its own /24 on
// a Linux bridge (cni0, CNI bridge + host-local), and plain routes send every other node's /24
// to that node's IP — pod-to-pod across nodes without NAT or overlay. One MASQUERADE rule for
// traffic leaving the cluster. (kindnetd does this job in kind; it is small enough to do here.)
import type { LabConfig, NodeSpec } from './config.ts';
import { STICKY_IPAM_TYPE } from './sticky-pod-ips.ts';

export const CNI_CONFLIST_PATH = '/etc/cni/net.d/10-kubelab.conflist';
export const ROUTES_SCRIPT_PATH = '/etc/kubelab/routes.sh';

export function cniConflist(node: NodeSpec): string {
  return JSON.stringify(
    {
      cniVersion: '0.4.0',
      name: 'kubelab',
      plugins: [
        {
          type: 'bridge',
          bridge: 'cni0',
          isGateway: true,
          ipMasq: false,
          hairpinMode: true,
          ipam: {
            // host-local, remembering each pod's address over a node restart (sticky-pod-ips.ts)
            type: STICKY_IPAM_TYPE,
            ranges: [[{ subnet: node.podCidr, gateway: node.bridgeIp }]],
            routes: [{ dst: '0.0.0.0/0' }],
          },
        },
        { type: 'portmap', capabilities: { portMappings: true }, snat: true },
      ],
    },
    null,
    2,
  );
}

/** Idempotent: re-run at every node start (routes vanish when a container stops). */
/** Before the main table (32766): checked first for every packet routed from a pod. */
const SERVICE_UNREACHABLE_PRIORITY = 100;

export function routesScript(config: LabConfig, node: NodeSpec): string {
  const lines = [
    '#!/bin/bash',
    "# Written by kubelab: routes to the other nodes' pod subnets.",
    'set -e',
  ];
  for (const other of config.nodes) {
    if (other.name === node.name) continue;
    lines.push(`ip route replace ${other.podCidr} via ${other.ip}`);
  }
  // Traffic from pods to anything outside the pod network and the lab network leaves NATed.
  lines.push(
    'iptables -t nat -N KUBELAB-MASQ 2>/dev/null || true',
    'iptables -t nat -F KUBELAB-MASQ',
    `iptables -t nat -A KUBELAB-MASQ -d ${config.podNetwork} -j RETURN`,
    `iptables -t nat -A KUBELAB-MASQ -d ${config.network.subnet} -j RETURN`,
    'iptables -t nat -A KUBELAB-MASQ -j MASQUERADE',
    `iptables -t nat -C POSTROUTING -s ${config.podNetwork} -j KUBELAB-MASQ 2>/dev/null || iptables -t nat -A POSTROUTING -s ${config.podNetwork} -j KUBELAB-MASQ`,
  );
  // A packet that reaches the filter table still addressed to a ClusterIP was not translated by
  // kube-proxy (its nat rules come first; while a node boots, or right after a Service is
  // made, they are not written yet): refuse it on the spot. Left alone it follows the default
  // route out of the lab — an offline lab has nowhere to send it — and the sender (CoreDNS or
  // the provisioner asking the API server at 10.96.0.1 from a pod, `dig @10.96.0.10` or `curl`
  // on the node itself) waits for a timeout instead of retrying at once. FORWARD covers pods,
  // OUTPUT the node's own connections; translated traffic no longer matches.
  lines.push(
    'iptables -N KUBELAB-SVC 2>/dev/null || true',
    'iptables -F KUBELAB-SVC',
    `iptables -A KUBELAB-SVC -d ${config.serviceSubnet} -j REJECT`,
    'iptables -C FORWARD -j KUBELAB-SVC 2>/dev/null || iptables -A FORWARD -j KUBELAB-SVC',
    'iptables -C OUTPUT -j KUBELAB-SVC 2>/dev/null || iptables -A OUTPUT -j KUBELAB-SVC',
  );
  // The same refusal for pods' packets, decided by routing rather than by the filter table:
  // the NetworkPolicy controller's chains come first in FORWARD and ACCEPT what policy allows,
  // so an untranslated ClusterIP packet never reached the REJECT above and left the lab
  // (counted by the clean-engine proof). Routing happens after kube-proxy's DNAT, so only
  // untranslated packets arriving from the pod bridge match; the sender gets "no route to host".
  lines.push(
    `ip rule del priority ${SERVICE_UNREACHABLE_PRIORITY} 2>/dev/null || true`,
    `ip rule add priority ${SERVICE_UNREACHABLE_PRIORITY} iif cni0 to ${config.serviceSubnet} unreachable`,
  );
  return lines.join('\n') + '\n';
}
