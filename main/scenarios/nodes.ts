// The lab's nodes, in the order a cluster of 1, 2 or 3 nodes gets them. Node names are also the
// nodes' hostnames and Kubernetes node names.
export const NODE_NAMES = ['control-plane', 'worker1', 'worker2'] as const;

export type NodeName = (typeof NODE_NAMES)[number];

/** The nodes of a cluster of `count` nodes. */
export function clusterNodes(count: number): readonly NodeName[] {
  return NODE_NAMES.slice(0, count);
}

export function isNodeName(name: string): name is NodeName {
  return (NODE_NAMES as readonly string[]).includes(name);
}
