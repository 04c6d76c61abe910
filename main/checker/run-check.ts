// One check against a lab: fill in its placeholders, evaluate it, and — when asked to wait —
// poll until it passes or its time is up. Read-only.
import type { Check } from '../scenarios/schema.ts';
import { evaluateCount } from './checks/count.ts';
import { evaluateDns } from './checks/dns.ts';
import type { Evaluation } from './checks/evaluation.ts';
import { evaluateExec } from './checks/exec.ts';
import { evaluateExists } from './checks/exists.ts';
import { evaluateField } from './checks/field.ts';
import { evaluateFile } from './checks/file.ts';
import { evaluateHttp } from './checks/http.ts';
import { evaluateOrdered } from './checks/ordered.ts';
import { evaluateReady } from './checks/ready.ts';
import { evaluateTrace } from './checks/trace.ts';
import { describeCheck, learnerCommand } from './describe.ts';
import { fillCheck, templateRefs } from './fill.ts';
import type { LabContext } from './lab-io.ts';
import { KubectlError } from './lab-io.ts';
import { resolveTemplates } from './resolve.ts';
import type { CheckResult } from './result.ts';

function evaluate(ctx: LabContext, check: Check): Promise<Evaluation> {
  switch (check.type) {
    case 'exists':
      return evaluateExists(ctx, check);
    case 'field':
      return evaluateField(ctx, check);
    case 'count':
      return evaluateCount(ctx, check);
    case 'ready':
      return evaluateReady(ctx, check);
    case 'ordered':
      return evaluateOrdered(ctx, check);
    case 'exec':
      return evaluateExec(ctx, check);
    case 'http':
      return evaluateHttp(ctx, check);
    case 'dns':
      return evaluateDns(ctx, check);
    case 'file':
      return evaluateFile(ctx, check);
    case 'trace':
      return evaluateTrace(ctx, check);
  }
}

/** A check evaluated once. ClusterProblemError passes through; other kubectl errors are answers. */
export async function runCheckOnce(ctx: LabContext, check: Check): Promise<CheckResult> {
  const base = { type: check.type, description: describeCheck(check), hint: check.hint ?? null };
  const refs = templateRefs(check);
  let filled = check;
  if (refs.length) {
    const resolution = await resolveTemplates(ctx, refs);
    if ('missing' in resolution) {
      return {
        ...base,
        passed: false,
        expected: 'the objects this check refers to',
        found: `cannot run this check yet: ${resolution.missing}`,
        command: `kubectl get ${refs.map((ref) => `${ref.source === 'service' ? 'svc' : ref.source}/${ref.name}`).join(' ')}`,
        runIn: null,
      };
    }
    filled = fillCheck(check, resolution.values);
  }
  try {
    const evaluation = await evaluate(ctx, filled);
    return { ...base, ...evaluation };
  } catch (error) {
    if (!(error instanceof KubectlError)) throw error;
    return {
      ...base,
      passed: false,
      expected: describeCheck(filled),
      found: `kubectl: ${error.message}`,
      ...learnerCommand(filled),
    };
  }
}

export interface PollOptions {
  /** How long to keep trying while the check fails; 0 evaluates once. */
  timeoutMs: number;
  intervalMs?: number;
  signal?: AbortSignal;
}

/** Evaluates until the check passes or the time is up; returns the last result. */
export async function runCheck(
  ctx: LabContext,
  check: Check,
  options: PollOptions,
): Promise<CheckResult> {
  const deadline = Date.now() + options.timeoutMs;
  const interval = options.intervalMs ?? 1000;
  for (;;) {
    const result = await runCheckOnce(ctx, check);
    if (result.passed || Date.now() + interval > deadline || options.signal?.aborted) return result;
    await new Promise((resolve) => setTimeout(resolve, interval));
  }
}

/** How long a check may converge when waiting fully: its own timeout for `ready`, else this. */
export const SETTLE_SECONDS = 60;

export function fullTimeoutMs(check: Check): number {
  return (check.type === 'ready' ? check.timeoutSeconds : SETTLE_SECONDS) * 1000;
}
