// `topology:trace`: what the Topology pane's Trace panel asks for — the same FROM, TO, --port and
// --probe as `kubelab trace` (main/trace/resolve.ts says what FROM and TO may be). The answer is
// the TraceSchema of ./trace.ts. Kept apart from ./trace.ts, which is the CLI's --json shape.
import { z } from 'zod';
import { LabNameSchema } from './lab.ts';

export const TraceRequestSchema = z
  .object({
    lab: LabNameSchema,
    /** A pod ([NS/]NAME) with its own network namespace, or a node. */
    from: z.string().min(1).max(300),
    /** A pod, a Service (NAME[.NS]:PORT), a cluster DNS name, a node IP:NodePort, or an IP. */
    to: z.string().min(1).max(300),
    port: z.number().int().min(1).max(65535).optional(),
    /** Send one real connection while bounded captures watch each hop (about 10 s). */
    probe: z.boolean().optional(),
  })
  .strict();
