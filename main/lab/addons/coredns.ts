// CoreDNS for an offline lab: kubeadm's Corefile without `forward` and `loop`. There is nothing
// outside the lab to ask (the node's resolv.conf points at the lab gateway, where no DNS server
// listens), and with `forward` in place CoreDNS kept sending its loop-detection probe
// (`<random>.<random>. HINFO`) to the gateway for as long as it ran — DNS leaving the lab that
// scripts/offline-proof.sh counted (~1.3 packets/s). Without them a cluster name is answered by
// the kubernetes plugin as before, and any other name fails at once instead of timing out.
import { stringify } from 'yaml';

export const OFFLINE_COREFILE = `.:53 {
    errors
    health {
       lameduck 5s
    }
    ready
    kubernetes cluster.local in-addr.arpa ip6.arpa {
       pods insecure
       fallthrough in-addr.arpa ip6.arpa
       ttl 30
    }
    prometheus :9153
    cache 30 {
       disable success cluster.local
       disable denial cluster.local
    }
    reload
    loadbalance
}
`;

/** kubeadm's `coredns` ConfigMap with the offline Corefile (applied over kubeadm's). */
export function corednsConfigMap(): string {
  return stringify({
    apiVersion: 'v1',
    kind: 'ConfigMap',
    metadata: { name: 'coredns', namespace: 'kube-system' },
    data: { Corefile: OFFLINE_COREFILE },
  });
}
