// `kubelab trace`: FROM and TO resolved against the lab, the path decided from its state, and
// with `probe` one real request that marks each hop seen or not.
import type Docker from 'dockerode';
import type { Trace } from '../api/schemas/trace.ts';
import { LabError } from '../api/errors.ts';
import { tracePath, TraceError } from './path.ts';
import { labTraceIo } from './lab-io.ts';
import { probeTrace } from './probe.ts';
import { resolveSource, resolveTarget } from './resolve.ts';

export interface TraceOptions {
  port?: number;
  probe?: boolean;
}

export async function traceRequest(
  client: Docker,
  lab: string,
  from: string,
  to: string,
  options: TraceOptions = {},
): Promise<Trace> {
  const io = await labTraceIo(client, lab);
  const source = resolveSource(io.topology, from);
  const request = resolveTarget(io.topology, from, to, source, options.port);
  try {
    const predicted = await tracePath(io, request);
    if (!options.probe) return predicted;
    return await probeTrace(client, io, request, predicted);
  } catch (error) {
    if (error instanceof TraceError) {
      throw new LabError('TRACE_FAILED', error.message, {
        fix: 'kubelab topology shows the lab as it is; kubectl get pods,svc,endpointslices -A -o wide.',
      });
    }
    throw error;
  }
}
