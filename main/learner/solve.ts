// Solve and record ("show me", skip ahead): each step's solution, then its check, and a pass is
// recorded only when that check passes — a solution that ran is not yet a step done (a step
// solved out of order, or a lab that changed under it, can still fail). The CLI, the UI and the
// bench all come through here, so they agree on what counts as solved.
import { LabError } from '../api/errors.ts';
import type { ClusterProblem, StepCheckResult } from '../checker/result.ts';
import type { SolveReport } from '../checker/solve.ts';
import { SolveError } from '../checker/solve.ts';
import type { LoadedScenario } from '../scenarios/load.ts';
import type { SolveAction } from '../scenarios/schema.ts';
import type { LearnerIo } from './io.ts';

/** What happens, as it happens (the CLI prints it, the UI shows it as operation progress). */
export type SolveEvent =
  | { type: 'step'; index: number }
  | { type: 'action'; index: number; action: SolveAction; actionIndex: number }
  | { type: 'checking'; index: number }
  | { type: 'passed'; index: number; result: StepCheckResult; report: SolveReport };

/** A step whose solution ran, whose check passed after it, and which is recorded as passed. */
export interface SolvedStep {
  index: number;
  report: SolveReport;
  result: StepCheckResult;
}

/** How a run of solves ended; `solved` lists the steps done before it ended. */
export type SolveOutcome = { solved: SolvedStep[] } & (
  | { kind: 'done' }
  /** The lab could not take a solve; nothing ran. */
  | { kind: 'lab-problem'; problem: ClusterProblem }
  /** A solve action failed (the step's own solution, not the lab); nothing recorded for it. */
  | { kind: 'solve-failed'; index: number; error: SolveError }
  /**
   * The solution ran but the step's check did not pass afterwards (or the lab stopped answering:
   * `result.clusterProblem`); nothing recorded for it, and later steps are not attempted.
   */
  | { kind: 'check-failed'; index: number; report: SolveReport; result: StepCheckResult }
);

export interface SolveRunOptions {
  onEvent?: (event: SolveEvent) => void;
  signal?: AbortSignal;
}

/**
 * Solves the steps at `indexes` in order (stepsToSolve picks them). The check after each solve
 * waits as long as each condition allows (`wait: true`, as verify does): a solution's objects
 * may take a while to become Ready, and that is not the learner's failure.
 */
export async function solveAndRecord<Ctx>(
  io: LearnerIo<Ctx>,
  loaded: LoadedScenario,
  indexes: readonly number[],
  options: SolveRunOptions = {},
): Promise<SolveOutcome> {
  const emit = options.onEvent ?? ((): void => undefined);
  const signal = options.signal ? { signal: options.signal } : {};
  const solved: SolvedStep[] = [];
  const opened = await io.open(loaded);
  if ('problem' in opened) return { solved, kind: 'lab-problem', problem: opened.problem };
  for (const index of indexes) {
    const step = loaded.scenario.steps[index];
    if (!step) throw new LabError('NO_STEP', `Scenario ${loaded.id} has no step ${index + 1}.`);
    emit({ type: 'step', index });
    let report: SolveReport;
    try {
      report = await io.solve(opened.ctx, loaded, step, {
        onAction: (action, actionIndex) => emit({ type: 'action', index, action, actionIndex }),
        ...signal,
      });
    } catch (error) {
      if (error instanceof SolveError) return { solved, kind: 'solve-failed', index, error };
      throw error;
    }
    emit({ type: 'checking', index });
    const result = await io.recheck(opened.ctx, loaded, index, { wait: true, ...signal });
    if (!result.passed) return { solved, kind: 'check-failed', index, report, result };
    await io.recordPass(loaded.id, step.id, { solved: true });
    solved.push({ index, report, result });
    emit({ type: 'passed', index, result, report });
  }
  return { solved, kind: 'done' };
}
