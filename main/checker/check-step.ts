// Checking one step of a scenario against a lab: every condition (failed first), or the lab
// problem that kept the checker from judging. Interactive checks wait briefly for objects to
// converge; `wait: true` (verify, solve) waits as long as each check allows.
import { LabError } from '../api/errors.ts';
import type Docker from 'dockerode';
import type { LoadedScenario } from '../scenarios/load.ts';
import type { Check, Step } from '../scenarios/schema.ts';
import { ClusterProblemError, diagnoseLab, labForChecks } from './cluster-problem.ts';
import type { LabContext } from './lab-io.ts';
import type { CheckResult, ClusterProblem, StepCheckResult } from './result.ts';
import { failedFirst } from './result.ts';
import { fullTimeoutMs, runCheck } from './run-check.ts';
import { prepareStep } from './prepare.ts';

export interface CheckStepOptions {
  /** true: each check may take its full timeout to pass; false: a brief wait (UI, CLI). */
  wait: boolean;
  /** The brief wait for object checks when `wait` is false, in seconds (default 4; 0: once). */
  briefSeconds?: number;
  signal?: AbortSignal;
}

const BRIEF_SECONDS = 4;
/** Checks on API objects are cheap to repeat and often converge within seconds. */
const OBJECT_CHECKS = new Set<Check['type']>(['exists', 'field', 'count', 'ready', 'ordered']);

export function checkTimeoutMs(check: Check, options: CheckStepOptions): number {
  if (options.wait) return fullTimeoutMs(check);
  if (!OBJECT_CHECKS.has(check.type)) return 0;
  const brief = (options.briefSeconds ?? BRIEF_SECONDS) * 1000;
  return Math.min(brief, fullTimeoutMs(check));
}

/** A step by id or 0-based index. */
export function findStep(
  loaded: LoadedScenario,
  step: string | number,
): { step: Step; index: number } {
  const steps = loaded.scenario.steps;
  const index = typeof step === 'number' ? step : steps.findIndex((s) => s.id === step);
  const found = steps[index];
  if (!found) {
    throw new LabError(
      'NO_STEP',
      `Scenario ${loaded.id} has no step ${String(step)} (steps: ${steps.map((s) => s.id).join(', ')}).`,
    );
  }
  return { step: found, index };
}

/** The lab ready for checks, or the problem that prevents them. */
export async function openLab(
  client: Docker,
  lab: string,
  nodesNeeded: number,
): Promise<{ ctx: LabContext } | { problem: ClusterProblem }> {
  const problem = await diagnoseLab(client, lab, nodesNeeded);
  if (problem) return { problem };
  const opened = await labForChecks(lab);
  if ('problem' in opened) return opened;
  return { ctx: { client, lab, config: opened.config } };
}

/** Evaluates the checks of a step in a lab that is known to be up. */
export async function checkStepIn(
  ctx: LabContext,
  loaded: LoadedScenario,
  stepRef: string | number,
  options: CheckStepOptions,
): Promise<StepCheckResult> {
  const started = Date.now();
  const { step, index } = findStep(loaded, stepRef);
  const head = { scenario: loaded.id, step: step.id, index, title: step.title };
  const done = (
    results: CheckResult[],
    clusterProblem: ClusterProblem | null,
  ): StepCheckResult => ({
    ...head,
    passed: clusterProblem === null && results.every((r) => r.passed),
    results: clusterProblem ? [] : failedFirst(results),
    clusterProblem,
    seconds: (Date.now() - started) / 1000,
  });
  try {
    await prepareStep(ctx, loaded, index, options.signal ? { signal: options.signal } : {});
  } catch (error) {
    if (error instanceof ClusterProblemError) return done([], error.problem);
    throw error;
  }
  const settled = await Promise.allSettled(
    step.checks.map((check) =>
      runCheck(ctx, check, {
        timeoutMs: checkTimeoutMs(check, options),
        ...(options.signal ? { signal: options.signal } : {}),
      }),
    ),
  );
  const results: CheckResult[] = [];
  for (const outcome of settled) {
    if (outcome.status === 'fulfilled') results.push(outcome.value);
    else if (outcome.reason instanceof ClusterProblemError) return done([], outcome.reason.problem);
    else throw outcome.reason;
  }
  return done(results, null);
}

/** The answer for a step when the lab itself cannot be asked: its problem, no conditions. */
export function problemResult(
  loaded: LoadedScenario,
  stepRef: string | number,
  problem: ClusterProblem,
  seconds: number,
): StepCheckResult {
  const { step, index } = findStep(loaded, stepRef);
  return {
    scenario: loaded.id,
    step: step.id,
    index,
    title: step.title,
    passed: false,
    results: [],
    clusterProblem: problem,
    seconds,
  };
}

/**
 * Checks one step of a scenario in a lab: its health and its conditions. Both are asked at the
 * same time — each is a few `docker exec` round trips, and on a healthy lab (the common case,
 * every Check button press) waiting for one before starting the other doubled the wait. The
 * checks only read, so running them on a lab that turns out to be broken costs nothing: they are
 * aborted and the lab's problem is the answer.
 */
export async function checkStep(
  client: Docker,
  lab: string,
  loaded: LoadedScenario,
  stepRef: string | number,
  options: CheckStepOptions,
): Promise<StepCheckResult> {
  const started = Date.now();
  const elapsed = (): number => (Date.now() - started) / 1000;
  const opened = await labForChecks(lab);
  if ('problem' in opened) return problemResult(loaded, stepRef, opened.problem, elapsed());
  const ctx: LabContext = { client, lab, config: opened.config };
  const abort = new AbortController();
  const stop = (): void => abort.abort();
  options.signal?.addEventListener('abort', stop, { once: true });
  try {
    const checking = checkStepIn(ctx, loaded, stepRef, { ...options, signal: abort.signal }).then(
      (result) => ({ result }),
      (error: unknown) => ({ error }),
    );
    const problem = await diagnoseLab(client, lab, loaded.scenario.nodes);
    if (problem) {
      // Not awaited: a check blocked on the broken lab would hold the answer back. It stops at
      // its next retry and its outcome (caught above) is dropped.
      abort.abort();
      return problemResult(loaded, stepRef, problem, elapsed());
    }
    const outcome = await checking;
    if ('error' in outcome) throw outcome.error;
    return outcome.result;
  } finally {
    options.signal?.removeEventListener('abort', stop);
  }
}
