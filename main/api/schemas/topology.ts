// The network/storage picture of a lab (`topology:get`, `kubelab topology --json`), declared once
// as zod: main/lab/topology/types.ts infers the collector's types from these schemas.
import { z } from 'zod';
import { LabNameSchema } from './lab.ts';

export const TopologyRequestSchema = z
  .object({
    lab: LabNameSchema,
    /**
     * The revision the caller shows: the answer waits (up to 20 s) until the lab's objects
     * change, so a pane that asks again at once sees a change as it happens.
     */
    after: z.string().max(64).optional(),
  })
  .strict();

export const NodeInterfaceSchema = z.object({
  name: z.string(),
  kind: z.enum(['ethernet', 'bridge', 'veth', 'loopback', 'other']),
  addresses: z.array(z.string()),
  /** The bridge a veth is plugged into (cni0). */
  master: z.string().optional(),
  /** For a host-side veth: the pod on its other end. */
  pod: z.string().optional(),
});

export const NodeRouteSchema = z.object({
  dst: z.string(),
  via: z.string().optional(),
  dev: z.string().optional(),
});

const TopologyNodeSchema = z.object({
  name: z.string(),
  role: z.string(),
  ip: z.string(),
  podCidr: z.string(),
  running: z.boolean(),
  interfaces: z.array(NodeInterfaceSchema),
  routes: z.array(NodeRouteSchema),
});

const TopologyPodSchema = z.object({
  namespace: z.string(),
  name: z.string(),
  node: z.string().nullable(),
  ip: z.string().nullable(),
  phase: z.string(),
  hostNetwork: z.boolean(),
  /** The node-side end of the pod's veth pair, when it has one. */
  hostVeth: z.string().nullable(),
  labels: z.record(z.string(), z.string()),
  /** NetworkPolicies of its namespace whose podSelector selects it (enforced by kube-router). */
  policies: z.array(z.string()),
});

const TopologyServiceSchema = z.object({
  namespace: z.string(),
  name: z.string(),
  type: z.string(),
  clusterIP: z.string().nullable(),
  ports: z.array(
    z.object({
      port: z.number(),
      targetPort: z.string(),
      nodePort: z.number().nullable(),
      protocol: z.string(),
    }),
  ),
  endpoints: z.array(z.object({ ip: z.string(), pod: z.string().nullable(), ready: z.boolean() })),
});

const TopologyVolumeSchema = z.object({
  pv: z.string(),
  phase: z.string(),
  storageClass: z.string().nullable(),
  capacity: z.string().nullable(),
  claim: z.object({ namespace: z.string(), name: z.string() }).nullable(),
  /** The path inside the nodes (hostPath / local). */
  path: z.string().nullable(),
  /** The same folder on the learner's disk, when kubelab mounts it from there. */
  hostFolder: z.string().nullable(),
  /** The node whose folder it is (node affinity, else the node of a pod using the claim). */
  node: z.string().nullable(),
  /** Pods (namespace/name) that mount the claim. */
  users: z.array(z.string()),
});

/** A PersistentVolumeClaim no PV is bound to (yet): drawn alone, it says why storage is missing. */
const TopologyClaimSchema = z.object({
  namespace: z.string(),
  name: z.string(),
  phase: z.string(),
  storageClass: z.string().nullable(),
  /** Pods (namespace/name) that mount it — they wait for it. */
  users: z.array(z.string()),
});

export const TopologySchema = z.object({
  lab: z.string(),
  /** Where the objects come from a watch: pass it back as `after`. Absent: poll instead. */
  revision: z.string().optional(),
  nodes: z.array(TopologyNodeSchema),
  pods: z.array(TopologyPodSchema),
  services: z.array(TopologyServiceSchema),
  volumes: z.array(TopologyVolumeSchema),
  unboundClaims: z.array(TopologyClaimSchema),
});

export type TopologyView = z.infer<typeof TopologySchema>;
export type NodeInterfaceView = z.infer<typeof NodeInterfaceSchema>;
export type NodeRouteView = z.infer<typeof NodeRouteSchema>;
export type TopologyNodeView = z.infer<typeof TopologyNodeSchema>;
export type TopologyPodView = z.infer<typeof TopologyPodSchema>;
export type TopologyServiceView = z.infer<typeof TopologyServiceSchema>;
export type TopologyVolumeView = z.infer<typeof TopologyVolumeSchema>;
export type TopologyClaimView = z.infer<typeof TopologyClaimSchema>;
