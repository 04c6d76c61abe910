// `kubelab trace FROM TO --json`: the path a request takes through the lab, hop by hop, from
// the lab's real state (routes, bridge ports, kube-proxy's rules, DNS), and with --probe what
// one real request showed on each hop. Part of the contract: scripts may read it.
import { z } from 'zod';

export const HOP_ACTIONS = [
  'dns',
  'send',
  'bridge',
  'dnat',
  'route',
  'snat',
  'policy',
  'deliver',
  'reply',
] as const;

export const TraceHopSchema = z.object({
  /** What happens here: a DNS answer, the packet leaving a pod, a bridge forwarding it, … */
  action: z.enum(HOP_ACTIONS),
  /** The node whose network stack (or whose pod's) this is; null for cluster DNS. */
  node: z.string().nullable(),
  /** `node` (the node's own namespace) or `pod NS/NAME`. */
  netns: z.string(),
  /** The interface the packet is on here, when one is meaningful. */
  interface: z.string().nullable(),
  /** In words. */
  what: z.string(),
  /** The rule, route or answer that does it, verbatim. */
  rule: z.string().nullable(),
  /** A command that shows it, and where to run it (a node's terminal, or any with kubectl). */
  command: z.string(),
  runIn: z.string().nullable(),
  /** With --probe: packets a capture on `interface` saw (null: not captured, or no probe). */
  packets: z.number().nullable(),
  /** With --probe: whether this hop was seen (capture or rule counter); null without a probe. */
  seen: z.boolean().nullable(),
});
export type TraceHop = z.infer<typeof TraceHopSchema>;

export const TraceEndpointSchema = z.object({
  /** IP:PORT after DNAT. */
  destination: z.string(),
  pod: z.string().nullable(),
  node: z.string().nullable(),
  /** The chance kube-proxy's rules give it. */
  share: z.number(),
  /** The rule in the Service chain that picks it, verbatim. */
  rule: z.string(),
});

export const TraceSchema = z.object({
  from: z.string(),
  to: z.string(),
  /** The address and port the first packet is sent to. */
  target: z.object({ ip: z.string(), port: z.number(), protocol: z.string() }),
  /** For a Service: every endpoint kube-proxy can pick, and the one this path follows. */
  endpoints: z.array(TraceEndpointSchema),
  chosen: z.string().nullable(),
  hops: z.array(TraceHopSchema),
  /** What the trace could not decide or know (said, never hidden). */
  notes: z.array(z.string()),
  probe: z
    .object({
      /** The command sent from the source's network namespace, and how it ended. */
      request: z.string(),
      exitCode: z.number(),
      /** The connection as conntrack recorded it (original and reply tuples). */
      conntrack: z.string().nullable(),
      /** Hops predicted but not seen, and interfaces that saw the traffic without a hop. */
      unseen: z.array(z.string()),
      unexpected: z.array(z.string()),
    })
    .nullable(),
});
export type Trace = z.infer<typeof TraceSchema>;
