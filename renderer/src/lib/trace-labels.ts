// The words of the Trace panel's hop list, as `kubelab trace` prints them (cli/commands/trace.ts):
// where a hop is, whether the probe saw it, how many packets, the endpoints' chances. Pure, so the
// words are tested alone.
import type { Trace, TraceHop } from '../../../main/api/schemas/trace.ts';

/** "control-plane · pod default/client · eth0": node, a pod's namespace, interface. */
export function hopWhere(hop: TraceHop): string {
  return [hop.node, hop.netns === 'node' ? null : hop.netns, hop.interface]
    .filter((part): part is string => Boolean(part))
    .join(' · ');
}

export interface SeenMark {
  symbol: '✓' | '✗';
  tone: 'ok' | 'fail';
  label: string;
}

/** With a probe: ✓ seen, ✗ not seen; null without a probe (or a hop it cannot watch). */
export function hopSeen(hop: TraceHop): SeenMark | null {
  if (hop.seen === null) return null;
  return hop.seen
    ? { symbol: '✓', tone: 'ok', label: 'seen by the probe' }
    : { symbol: '✗', tone: 'fail', label: 'not seen by the probe' };
}

export function hopPackets(hop: TraceHop): string | null {
  if (hop.packets === null) return null;
  return `${hop.packets} packet${hop.packets === 1 ? '' : 's'}`;
}

/** "$ iptables -t nat -L … (on control-plane)": the command and where to type it. */
export function hopCommand(hop: TraceHop): string {
  return `$ ${hop.command}${hop.runIn ? `   (on ${hop.runIn})` : ''}`;
}

export function traceTitle(trace: Trace): string {
  return `${trace.from} → ${trace.to} (${trace.target.ip}:${trace.target.port})`;
}

export function endpointLine(trace: Trace, endpoint: Trace['endpoints'][number]): string {
  const picked = endpoint.destination === trace.chosen ? ' ← this path' : '';
  const where = `${endpoint.pod ?? '?'} on ${endpoint.node ?? '?'}`;
  return `${endpoint.destination} ${where}: ${(endpoint.share * 100).toFixed(0)} %${picked}`;
}

/** The probe's verdict in one line: did it see the predicted path, and nothing else? */
export function probeVerdict(probe: NonNullable<Trace['probe']>): { ok: boolean; text: string } {
  const problems = probe.unseen.length + probe.unexpected.length;
  if (problems === 0) {
    return { ok: true, text: 'The probe saw every predicted hop and nothing else.' };
  }
  const parts = [
    probe.unseen.length ? `${probe.unseen.length} predicted hop(s) not seen` : null,
    probe.unexpected.length ? `${probe.unexpected.length} place(s) not predicted` : null,
  ].filter((part): part is string => part !== null);
  return { ok: false, text: `The probe differs from the prediction: ${parts.join(', ')}.` };
}
