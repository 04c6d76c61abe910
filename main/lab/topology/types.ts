// The data behind a network/storage picture of a lab (`kubelab topology --json`, the UI).
export interface NodeInterface {
  name: string;
  kind: 'ethernet' | 'bridge' | 'veth' | 'loopback' | 'other';
  addresses: string[];
  /** The bridge a veth is plugged into (cni0). */
  master?: string;
  /** For a host-side veth: the pod on its other end. */
  pod?: string;
}

export interface NodeRoute {
  dst: string;
  via?: string;
  dev?: string;
}

export interface TopologyNode {
  name: string;
  role: string;
  ip: string;
  podCidr: string;
  running: boolean;
  interfaces: NodeInterface[];
  routes: NodeRoute[];
}

export interface TopologyPod {
  namespace: string;
  name: string;
  node: string | null;
  ip: string | null;
  phase: string;
  hostNetwork: boolean;
  /** The node-side end of the pod's veth pair, when it has one. */
  hostVeth: string | null;
  labels: Record<string, string>;
  /** NetworkPolicies of its namespace whose podSelector selects it. */
  policies: string[];
}

export interface TopologyService {
  namespace: string;
  name: string;
  type: string;
  clusterIP: string | null;
  ports: Array<{ port: number; targetPort: string; nodePort: number | null; protocol: string }>;
  endpoints: Array<{ ip: string; pod: string | null; ready: boolean }>;
}

export interface TopologyVolume {
  pv: string;
  phase: string;
  storageClass: string | null;
  capacity: string | null;
  claim: { namespace: string; name: string } | null;
  /** The path inside the nodes (hostPath / local). */
  path: string | null;
  /** The same folder on the learner's disk, when kubelab mounts it from there. */
  hostFolder: string | null;
  /** The node whose folder it is (node affinity, else the node of a pod using the claim). */
  node: string | null;
  /** Pods (namespace/name) that mount the claim. */
  users: string[];
}

/** A PersistentVolumeClaim no PV is bound to (yet): drawn alone, it says why storage is missing. */
export interface TopologyClaim {
  namespace: string;
  name: string;
  phase: string;
  storageClass: string | null;
  /** Pods (namespace/name) that mount it — they wait for it. */
  users: string[];
}

export interface Topology {
  lab: string;
  nodes: TopologyNode[];
  pods: TopologyPod[];
  services: TopologyService[];
  volumes: TopologyVolume[];
  unboundClaims: TopologyClaim[];
}
