// The Trace panel's Live switch: `topology:watchTrace` starts bounded captures on the hops of a
// trace the panel already shows, `topology:traceCounts` reads what each hop has counted since,
// `topology:unwatchTrace` stops them early (main/trace/live.ts).
import { z } from 'zod';
import { LabNameSchema } from './lab.ts';
import { TraceSchema } from './trace.ts';

export const TraceWatchRequestSchema = z
  .object({ lab: LabNameSchema, trace: TraceSchema })
  .strict();

export const TraceWatchSchema = z.object({
  id: z.string(),
  /** The captures stop by themselves after this long. */
  seconds: z.number(),
  /** Hop indexes that are counted (the others have no interface or rule to count on). */
  hops: z.array(z.number().int()),
});
export type TraceWatch = z.infer<typeof TraceWatchSchema>;

export const TraceWatchRefSchema = z
  .object({ lab: LabNameSchema, id: z.string().min(1).max(64) })
  .strict();

export const TraceCountsSchema = z.object({
  /** Packets per hop since the watch started; null for a hop that is not counted. */
  counts: z.array(z.number().nullable()),
  /** The watch has run its time and stopped. */
  ended: z.boolean(),
});
export type TraceCounts = z.infer<typeof TraceCountsSchema>;
