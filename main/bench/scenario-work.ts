// The scenario figures: checking one step (what the Check button costs) and resetting a lab that
// holds a finished scenario. Both use the real checker and reset on a real lab.
import type Docker from 'dockerode';
import { checkStep, openLab } from '../checker/check-step.ts';
import type { LabContext } from '../checker/lab-io.ts';
import { solveStep } from '../checker/solve.ts';
import { labReset } from '../lab/reset.ts';
import { scenarioById } from '../scenarios/by-id.ts';
import type { LoadedScenario } from '../scenarios/load.ts';

/** One node, small images, seven steps with every common check type (ready, field, exec, http). */
export const BENCH_SCENARIO = 'two-containers';

export async function loadBenchScenario(): Promise<LoadedScenario> {
  return scenarioById(BENCH_SCENARIO);
}

async function context(client: Docker, lab: string, loaded: LoadedScenario): Promise<LabContext> {
  const opened = await openLab(client, lab, loaded.scenario.nodes);
  if ('problem' in opened) throw new Error(`${opened.problem.message} (${opened.problem.fix})`);
  return opened.ctx;
}

/** Runs the solutions of steps [from, to) in order, as `kubelab solve` does. */
export async function solveSteps(
  client: Docker,
  lab: string,
  loaded: LoadedScenario,
  from: number,
  to: number,
): Promise<void> {
  const ctx = await context(client, lab, loaded);
  for (const step of loaded.scenario.steps.slice(from, to)) await solveStep(ctx, loaded, step);
}

/** Milliseconds of one check of a step that has been solved: health check included, as the UI does. */
export async function timedCheck(
  client: Docker,
  lab: string,
  loaded: LoadedScenario,
  index: number,
): Promise<number> {
  const started = performance.now();
  const result = await checkStep(client, lab, loaded, index, { wait: false });
  const ms = performance.now() - started;
  if (!result.passed) {
    const why =
      result.clusterProblem?.message ??
      result.results
        .filter((r) => !r.passed)
        .map((r) => `${r.description} (found: ${r.found})`)
        .join('; ');
    throw new Error(
      `the check of ${loaded.id} › ${result.step} did not pass after its solve: ${why}`,
    );
  }
  return ms;
}

/** Seconds of `kubelab reset` (without --data) on a lab whose scenario has been solved. */
export async function timedReset(client: Docker, lab: string): Promise<number> {
  const started = performance.now();
  await labReset(client, lab, false);
  return (performance.now() - started) / 1000;
}
