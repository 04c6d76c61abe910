import { z } from 'zod';
import { WireErrorSchema } from './wire-error.ts';

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
  /** The message of the error that ended a failed or cancelled operation. */
  error: z.string().optional(),
  /**
   * That whole error (code, message, fix, details), so a screen can say what to do about it.
   * Added beside `error` rather than replacing it: `error` stays the plain message every older
   * reader (CLI log lines, a page loaded before an upgrade) already shows.
   */
  errorDetail: WireErrorSchema.optional(),
});
export type Progress = z.infer<typeof ProgressSchema>;
