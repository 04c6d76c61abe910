// The network/storage picture of a lab (`topology:get`), as zod: the same shape as
// main/lab/topology/types.ts (implementation.ts returns collectTopology's Topology through it,
// so tsc keeps the two in step).
import { z } from 'zod';
import { LabNameSchema } from './lab.ts';

export const TopologyRequestSchema = z.object({ lab: LabNameSchema }).strict();

const NodeInterfaceSchema = z.object({
  name: z.string(),
  kind: z.enum(['ethernet', 'bridge', 'veth', 'loopback', 'other']),
  addresses: z.array(z.string()),
  master: z.string().optional(),
  pod: z.string().optional(),
});

const TopologyNodeSchema = z.object({
  name: z.string(),
  role: z.string(),
  ip: z.string(),
  podCidr: z.string(),
  running: z.boolean(),
  interfaces: z.array(NodeInterfaceSchema),
  routes: z.array(
    z.object({ dst: z.string(), via: z.string().optional(), dev: z.string().optional() }),
  ),
});

const TopologyPodSchema = z.object({
  namespace: z.string(),
  name: z.string(),
  node: z.string().nullable(),
  ip: z.string().nullable(),
  phase: z.string(),
  hostNetwork: z.boolean(),
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
  path: z.string().nullable(),
  hostFolder: z.string().nullable(),
  node: z.string().nullable(),
  users: z.array(z.string()),
});

const TopologyClaimSchema = z.object({
  namespace: z.string(),
  name: z.string(),
  phase: z.string(),
  storageClass: z.string().nullable(),
  users: z.array(z.string()),
});

export const TopologySchema = z.object({
  lab: z.string(),
  nodes: z.array(TopologyNodeSchema),
  pods: z.array(TopologyPodSchema),
  services: z.array(TopologyServiceSchema),
  volumes: z.array(TopologyVolumeSchema),
  unboundClaims: z.array(TopologyClaimSchema),
});

export type TopologyView = z.infer<typeof TopologySchema>;
export type TopologyNodeView = z.infer<typeof TopologyNodeSchema>;
export type TopologyPodView = z.infer<typeof TopologyPodSchema>;
export type TopologyServiceView = z.infer<typeof TopologyServiceSchema>;
export type TopologyVolumeView = z.infer<typeof TopologyVolumeSchema>;
export type TopologyClaimView = z.infer<typeof TopologyClaimSchema>;
