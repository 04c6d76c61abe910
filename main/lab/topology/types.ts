// The data behind a network/storage picture of a lab (`kubelab topology --json`, the UI), under
// the names the collector uses. Inferred (z.infer) from the contract's zod schemas, which are the
// one declaration of the shape and carry the field docs.
export type {
  NodeInterfaceView as NodeInterface,
  NodeRouteView as NodeRoute,
  TopologyClaimView as TopologyClaim,
  TopologyNodeView as TopologyNode,
  TopologyPodView as TopologyPod,
  TopologyServiceView as TopologyService,
  TopologyView as Topology,
  TopologyVolumeView as TopologyVolume,
} from '../../api/schemas/topology.ts';
