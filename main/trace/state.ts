// What a trace reads from the lab, behind one interface: the builder decides the path with it,
// the collector answers from a real lab, the unit tests from fixtures.
import type { Topology, TopologyPod } from '../lab/topology/types.ts';
import type { LabelSelector } from '../lab/topology/policy-selection.ts';
import type { NatTable } from './iptables.ts';
import type { RouteAnswer } from './route.ts';

export interface PolicyRule {
  /**
   * Sources allowed: pods of the policy's namespace matching `pods`, pods of any namespace
   * (`anyNamespace`: a namespaceSelector, not judged further), or an address block.
   */
  from: { pods: LabelSelector | null; anyNamespace: boolean; cidr: string | null }[];
  ports: { port: number | string | null; protocol: string }[];
}

export interface PolicyView {
  namespace: string;
  name: string;
  podSelector: LabelSelector;
  /** Ingress rules (empty list: denies all ingress); null when the policy has no Ingress type. */
  ingress: PolicyRule[] | null;
}

export interface TraceIo {
  topology: Topology;
  policies: PolicyView[];
  /** kube-proxy's nat table on a node. */
  nat(node: string): Promise<NatTable>;
  /** `ip route get DST` on a node, in the pod network namespace `netns` or the node's own. */
  routeGet(node: string, netns: string | null, dst: string): Promise<RouteAnswer>;
  /** The network namespace (as `ip netns` names it) of the pod with this IP, on its node. */
  netnsOf(pod: TopologyPod): Promise<string | null>;
}
