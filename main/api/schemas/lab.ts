import { z } from 'zod';
import { DEFAULT_LAB_NAME, LAB_NAME_PATTERN, LAB_NAME_RULE } from './lab-name.ts';

/** A request's `lab`: the default lab when left out. Every schema that names a lab uses this. */
export const LabNameSchema = z
  .string()
  .regex(LAB_NAME_PATTERN, LAB_NAME_RULE)
  .default(DEFAULT_LAB_NAME);

export const LabRefSchema = z.object({ lab: LabNameSchema }).strict();
export const LabUpSchema = z
  .object({ lab: LabNameSchema, nodes: z.number().int().min(1).max(3).optional() })
  .strict();
export const LabDownSchema = z
  .object({
    lab: LabNameSchema,
    purge: z.boolean().default(false),
    data: z.boolean().default(false),
  })
  .strict();
export const LabResetSchema = z
  .object({ lab: LabNameSchema, data: z.boolean().default(false) })
  .strict();

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
