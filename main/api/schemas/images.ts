import { z } from 'zod';

export const ImageStatusSchema = z.object({
  name: z.string(),
  /** Local reference, e.g. "kubelab/node:3f2a…" */
  ref: z.string(),
  /** Names the cluster sees through the lab registry, e.g. "nginx:latest". */
  mirrorTags: z.array(z.string()),
  present: z.boolean(),
  upToDate: z.boolean(),
  sizeBytes: z.number().nullable(),
  builtAt: z.string().nullable(),
});
export type ImageStatus = z.infer<typeof ImageStatusSchema>;
