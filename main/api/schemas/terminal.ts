import { z } from 'zod';
import { LabNameSchema } from './lab.ts';

const sessionId = z.string().min(1).max(100);
const cols = z.number().int().min(2).max(1000);
const rows = z.number().int().min(1).max(500);

const k8sName = z.string().regex(/^[a-z0-9]([-a-z0-9.]{0,251}[a-z0-9])?$/, 'a Kubernetes name');

/**
 * A pod instead of the node's own shell: `kubectl exec -it` into a container (shell), `kubectl
 * logs -f` (logs) or `kubectl describe pod` (describe), run from the node named in `node`.
 */
export const PodTerminalSchema = z
  .object({
    namespace: k8sName.default('default'),
    name: k8sName,
    /** A container of the pod; the pod's default container when left out. */
    container: k8sName.optional(),
    action: z.enum(['shell', 'logs', 'describe']),
  })
  .strict();
export type PodTerminal = z.infer<typeof PodTerminalSchema>;

/** Opens (or re-attaches to) this connection's shell on one node of a lab, or on a pod. */
export const TerminalOpenSchema = z
  .object({
    lab: LabNameSchema,
    /** Node name: control-plane, worker1, worker2. */
    node: z.string().regex(/^[a-z0-9-]{1,40}$/),
    pod: PodTerminalSchema.optional(),
    /** The view's size, so the shell starts at the right size before it prints anything. */
    cols: cols.optional(),
    rows: rows.optional(),
    /**
     * The view acks the output it has drawn (terminal:ack); the shell is paused while too much
     * is in flight, so a flood cannot outrun the page. Views that never ack leave it off.
     */
    ackOutput: z.boolean().optional(),
  })
  .strict();
export const TerminalOpenedSchema = z.object({
  sessionId: z.string(),
  /** What the session printed so far (bounded), for a view that attaches now. */
  replay: z.string(),
});
export const TerminalWriteSchema = z
  .object({ sessionId, data: z.string().max(1024 * 1024) })
  .strict();
export const TerminalResizeSchema = z.object({ sessionId, cols, rows }).strict();
/** Characters of output the view has written to its screen since its last ack. */
export const TerminalAckOutputSchema = z
  .object({
    sessionId,
    chars: z
      .number()
      .int()
      .min(0)
      .max(64 * 1024 * 1024),
  })
  .strict();
export const TerminalCloseSchema = z.object({ sessionId }).strict();
export const TerminalAckSchema = z.object({ ok: z.boolean() });

export const TerminalDataSchema = z.object({ sessionId: z.string(), data: z.string() });
/** The shell ended (exit, or the node container stopped/restarted). */
export const TerminalExitSchema = z.object({ sessionId: z.string(), code: z.number().int() });
export type TerminalData = z.infer<typeof TerminalDataSchema>;
export type TerminalExit = z.infer<typeof TerminalExitSchema>;
