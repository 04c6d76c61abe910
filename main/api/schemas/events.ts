import { z } from 'zod';

/** Progress of a long operation (image build, lab start, …). Also answers "where is it now?". */
export const ProgressSchema = z.object({
  operationId: z.string(),
  kind: z.string(),
  /** The named phase running now, e.g. "control plane". */
  phase: z.string(),
  /** 0..100 for the whole operation. */
  percent: z.number().min(0).max(100),
  elapsedMs: z.number(),
  message: z.string(),
  state: z.enum(['running', 'done', 'failed', 'cancelled']),
  error: z.string().optional(),
});
export type Progress = z.infer<typeof ProgressSchema>;
