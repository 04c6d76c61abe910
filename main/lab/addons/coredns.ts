// CoreDNS for an offline lab: kubeadm's Corefile without `forward` and `loop`. There is nothing
// outside the lab to ask (the node's resolv.conf points at the lab gateway, where no DNS server
// listens), and with `forward` in place CoreDNS kept sending its loop-detection probe
// (`<random>.<random>. HINFO`) to the gateway for as long as it ran — DNS leaving the lab that
// scripts/offline-proof.sh counted (~1.3 packets/s).
//
// What a real cluster's upstream would say about a name outside the cluster zones is NXDOMAIN,
// so the catch-all block says exactly that (CoreDNS's `template` plugin, answered locally). Without
// it such a name fell off the end of the plugin chain and got SERVFAIL, and busybox/musl
// resolvers stop walking the search list at the first SERVFAIL: `nslookup kubernetes.default`
// tries `kubernetes.default.<host search domain>` or the bare name on the way and gave up. The
// cluster zones get their own block because `template` sits before `kubernetes` in CoreDNS's
// plugin order and would otherwise answer for them too. Reverse names outside the cluster
// ranges are answered NXDOMAIN by the kubernetes plugin itself (no `fallthrough`: there is
// nothing to fall through to).
import { parseAllDocuments, stringify } from 'yaml';

export const OFFLINE_COREFILE = `cluster.local:53 in-addr.arpa:53 ip6.arpa:53 {
    errors
    health {
       lameduck 5s
    }
    ready
    kubernetes cluster.local in-addr.arpa ip6.arpa {
       pods insecure
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
.:53 {
    errors
    template ANY ANY {
       rcode NXDOMAIN
    }
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

/**
 * kubeadm's CoreDNS add-on as `kubeadm init phase addon coredns --print-manifest` prints it,
 * made the lab's before anything is created: its ConfigMap dropped (the offline one is applied
 * first and must not be overwritten) and the readiness probe every second instead of every 10 s
 * (a started lab otherwise waited up to 10 s for DNS that was already answering). Doing this to
 * the printed manifest, not by a patch after kubeadm created the Deployment, means the first
 * ReplicaSet is the only one: a patch afterwards rolled CoreDNS once on every cold start, and
 * the old pods were still terminating while the learner's first step ran.
 */
export function corednsAddonManifest(printed: string): string {
  const kept = parseAllDocuments(printed)
    .map((doc) => doc.toJS() as unknown)
    .filter(
      (object): object is Record<string, unknown> => typeof object === 'object' && object !== null,
    )
    .filter((object) => object.kind !== 'ConfigMap');
  const deployment = kept.find((object) => object.kind === 'Deployment');
  if (!deployment) {
    throw new Error(
      'kubeadm printed no CoreDNS Deployment (kubeadm init phase addon coredns --print-manifest)',
    );
  }
  const containers = (
    deployment as { spec?: { template?: { spec?: { containers?: CoreDnsContainer[] } } } }
  ).spec?.template?.spec?.containers;
  const coredns = containers?.find((container) => container.name === 'coredns');
  if (!coredns) throw new Error('the CoreDNS Deployment kubeadm printed has no coredns container');
  coredns.readinessProbe = { ...coredns.readinessProbe, periodSeconds: READINESS_PERIOD_SECONDS };
  // The Deployment last: kubeadm prints it first, and its pods cannot be created before their
  // ServiceAccount exists (the ReplicaSet controller then backs off).
  const ordered = [...kept.filter((object) => object !== deployment), deployment];
  return ordered.map((object) => stringify(object)).join('---\n');
}

/** How often kubelet asks CoreDNS whether it is ready. */
export const READINESS_PERIOD_SECONDS = 1;

interface CoreDnsContainer {
  name: string;
  readinessProbe?: Record<string, unknown>;
}
