// Whether the NetworkPolicies of a destination pod let a packet in, the way the API defines it:
// no policy with an Ingress type selects the pod → allowed; otherwise allowed only when some
// rule of some selecting policy matches the source and the port. A namespaceSelector is taken
// as matching every namespace (the trace does not read namespace labels).
import type { TopologyPod } from '../lab/topology/types.ts';
import { inCidr } from '../checker/checks/dns.ts';
import { selectorMatches } from '../lab/topology/policy-selection.ts';
import type { PolicyView } from './state.ts';

export type PolicyVerdict =
  { verdict: 'none' } | { verdict: 'accept' | 'drop'; policies: string[] };

export function ingressVerdict(
  policies: readonly PolicyView[],
  destination: TopologyPod,
  source: { ip: string; pod: TopologyPod | null },
  port: number,
): PolicyVerdict {
  const selecting = policies.filter(
    (p) =>
      p.namespace === destination.namespace &&
      p.ingress !== null &&
      selectorMatches(p.podSelector, destination.labels),
  );
  if (selecting.length === 0) return { verdict: 'none' };
  const names = selecting.map((p) => `${p.namespace}/${p.name}`);
  const allowed = selecting.some((policy) =>
    (policy.ingress ?? []).some((rule) => {
      const portOk =
        rule.ports.length === 0 ||
        rule.ports.some(
          // A named port is taken as matching: the trace does not read container port names.
          (p) =>
            p.protocol === 'TCP' &&
            (p.port === null || p.port === port || typeof p.port === 'string'),
        );
      const fromOk =
        rule.from.length === 0 ||
        rule.from.some((peer) => {
          if (peer.cidr !== null) return inCidr(source.ip, peer.cidr);
          if (!source.pod) return false;
          if (peer.anyNamespace) {
            return peer.pods === null || selectorMatches(peer.pods, source.pod.labels);
          }
          return (
            source.pod.namespace === policy.namespace &&
            peer.pods !== null &&
            selectorMatches(peer.pods, source.pod.labels)
          );
        });
      return portOk && fromOk;
    }),
  );
  return { verdict: allowed ? 'accept' : 'drop', policies: names };
}
