import { z } from 'zod';

const labName = z
  .string()
  .regex(/^[a-z0-9]([a-z0-9-]{0,30}[a-z0-9])?$/, 'lowercase letters, digits and dashes')
  .default('default');

export const LabRefSchema = z.object({ lab: labName }).strict();
export const LabUpSchema = z
  .object({ lab: labName, nodes: z.number().int().min(1).max(3).optional() })
  .strict();
export const LabDownSchema = z
  .object({ lab: labName, purge: z.boolean().default(false), data: z.boolean().default(false) })
  .strict();
export const LabResetSchema = z.object({ lab: labName, data: z.boolean().default(false) }).strict();

export const NodeStatusSchema = z.object({
  name: z.string(),
  role: z.string(),
  container: z.string(),
  containerState: z.string(),
  ready: z.boolean().nullable(),
  ip: z.string(),
  podCidr: z.string(),
  bridge: z.object({ name: z.string(), ip: z.string().nullable() }).nullable(),
});

export const LabStatusSchema = z.object({
  lab: z.string(),
  exists: z.boolean(),
  nodes: z.array(NodeStatusSchema),
  apiEndpoint: z.string().nullable(),
  kubeconfig: z.string().nullable(),
  versions: z.object({
    kubernetes: z.string(),
    containerd: z.string(),
    etcd: z.string(),
    coredns: z.string(),
  }),
  problems: z.array(z.string()),
});
export type LabStatusView = z.infer<typeof LabStatusSchema>;

/** Long operations answer at once with the id their progress events carry. */
export const OperationStartedSchema = z.object({ operationId: z.string() });
