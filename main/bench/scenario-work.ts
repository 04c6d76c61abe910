// The scenario figures: checking one step (what the Check button costs) and resetting a lab that
// holds a finished scenario. Checks and solves go through the learner module (as the UI's and
// the CLI's do), resets through the lab's own reset, on a real lab.
import type Docker from 'dockerode';
import type { StepCheckResult } from '../checker/result.ts';
import { labReset } from '../lab/reset.ts';
import { checkAndRecord } from '../learner/check.ts';
import { labIo } from '../learner/io.ts';
import { solveAndRecord } from '../learner/solve.ts';
import { scenarioById } from '../scenarios/by-id.ts';
import type { LoadedScenario } from '../scenarios/load.ts';

/** One node, small images, seven steps with every common check type (ready, field, exec, http). */
export const BENCH_SCENARIO = 'two-containers';

export async function loadBenchScenario(): Promise<LoadedScenario> {
  return scenarioById(BENCH_SCENARIO);
}

/** Solves steps [from, to) in order through the learner module, exactly as `kubelab solve` does. */
export async function solveSteps(
  client: Docker,
  lab: string,
  loaded: LoadedScenario,
  from: number,
  to: number,
): Promise<void> {
  const indexes = Array.from({ length: to - from }, (_, i) => from + i);
  const outcome = await solveAndRecord(labIo(client, lab), loaded, indexes);
  if (outcome.kind === 'lab-problem')
    throw new Error(`${outcome.problem.message} (${outcome.problem.fix})`);
  if (outcome.kind === 'solve-failed') throw outcome.error;
  if (outcome.kind === 'check-failed') throw notPassed(loaded, outcome.result);
}

function notPassed(loaded: LoadedScenario, result: StepCheckResult): Error {
  const why =
    result.clusterProblem?.message ??
    result.results
      .filter((r) => !r.passed)
      .map((r) => `${r.description} (found: ${r.found})`)
      .join('; ');
  return new Error(
    `the check of ${loaded.id} › ${result.step} did not pass after its solve: ${why}`,
  );
}

/**
 * Milliseconds of one check of a step that has been solved, through the learner module: the
 * lab's health alongside the step's conditions, and the pass recorded, as the Check button does.
 */
export async function timedCheck(
  client: Docker,
  lab: string,
  loaded: LoadedScenario,
  index: number,
): Promise<number> {
  const started = performance.now();
  const [result] = await checkAndRecord(labIo(client, lab), loaded, [index]);
  const ms = performance.now() - started;
  if (result && !result.passed) throw notPassed(loaded, result);
  return ms;
}

/** Seconds of `kubelab reset` (without --data) on a lab whose scenario has been solved. */
export async function timedReset(client: Docker, lab: string): Promise<number> {
  const started = performance.now();
  await labReset(client, lab, false);
  return (performance.now() - started) / 1000;
}
