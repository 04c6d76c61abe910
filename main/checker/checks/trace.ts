// `trace`: the path of a request through the lab, as `kubelab trace` finds it from the lab's
// state, and — with `probe` — as one real connection shows it hop by hop.
import type { Trace } from '../../api/schemas/trace.ts';
import { LabError } from '../../api/errors.ts';
import type { TraceCheck } from '../../scenarios/schema.ts';
import { traceRequest } from '../../trace/trace.ts';
import type { LabContext } from '../lab-io.ts';
import type { Verdict } from '../result.ts';
import type { Evaluation } from './evaluation.ts';

export function traceExpected(check: TraceCheck): string {
  const parts = [`a request from ${check.from} to ${check.to}`];
  if (check.dnat === true) parts.push('is DNATed by kube-proxy');
  if (check.dnat === false) parts.push('is not translated');
  if (check.endpointOn === 'other-node')
    parts.push('to a Service with an endpoint on another node');
  if (check.endpointOn === 'same-node')
    parts.push('to a Service with an endpoint on the same node');
  parts.push(check.delivered ? 'and reaches its destination' : 'and is dropped by a NetworkPolicy');
  if (check.probe) parts.push('(one real connection seen at every hop)');
  return parts.join(' ');
}

function summary(trace: Trace, sourceNode: string | null): string {
  const dnat = trace.hops.find((h) => h.action === 'dnat');
  const last = trace.hops.at(-1);
  const endpoints = trace.endpoints.map(
    (e) =>
      `${e.destination}${e.node ? ` on ${e.node}${e.node === sourceNode ? ' (same node)' : ''}` : ''}`,
  );
  const said = [
    dnat ? `DNAT to ${trace.chosen ?? '?'} (endpoints: ${endpoints.join(', ')})` : 'no DNAT',
    last?.action === 'policy' && last.what.includes('drop')
      ? 'dropped by a NetworkPolicy'
      : last?.action === 'reply' || last?.action === 'deliver'
        ? 'delivered'
        : `ends with ${last?.action ?? 'nothing'}`,
  ];
  if (trace.probe) {
    const missing = [...trace.probe.unseen, ...trace.probe.unexpected];
    said.push(
      missing.length === 0 ? 'the probe saw every hop' : `the probe: ${missing.join('; ')}`,
    );
  }
  return said.join('; ');
}

export function judgeTrace(check: TraceCheck, trace: Trace): Verdict {
  const sourceNode = trace.hops.find((h) => h.action === 'send')?.node ?? null;
  const dnat = trace.hops.some((h) => h.action === 'dnat');
  const dropped = trace.hops.some((h) => h.action === 'policy' && h.what.includes('drop'));
  const nodes = trace.endpoints.map((e) => e.node);
  let passed = dropped !== check.delivered;
  if (check.dnat !== undefined) passed &&= dnat === check.dnat;
  if (check.endpointOn === 'other-node')
    passed &&= nodes.some((n) => n !== null && n !== sourceNode);
  if (check.endpointOn === 'same-node') passed &&= nodes.includes(sourceNode);
  if (check.probe && trace.probe) {
    passed &&= trace.probe.unseen.length === 0 && trace.probe.unexpected.length === 0;
  }
  return { passed, expected: traceExpected(check), found: summary(trace, sourceNode) };
}

export function traceCommand(check: TraceCheck): string {
  return `kubelab trace ${check.from} ${check.to}${check.probe ? ' --probe' : ''}`;
}

export function describeTrace(check: TraceCheck): string {
  return `${traceExpected(check)}.`.replace(/^a/, 'A');
}

export async function evaluateTrace(ctx: LabContext, check: TraceCheck): Promise<Evaluation> {
  const command = traceCommand(check);
  try {
    const trace = await traceRequest(ctx.client, ctx.lab, check.from, check.to, {
      probe: check.probe,
    });
    return { ...judgeTrace(check, trace), command, runIn: null };
  } catch (error) {
    // Not there yet (no such pod, no endpoints): an answer, not a lab failure.
    if (error instanceof LabError && ['TRACE_FAILED', 'BAD_ARGUMENT'].includes(error.code)) {
      return {
        passed: false,
        expected: traceExpected(check),
        found: error.message,
        command,
        runIn: null,
      };
    }
    throw error;
  }
}
