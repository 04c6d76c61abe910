// Check and record: what the Check button, `kubelab check` and the bench's check figure all do.
import type { CheckStepOptions } from '../checker/check-step.ts';
import type { StepCheckResult } from '../checker/result.ts';
import type { LoadedScenario } from '../scenarios/load.ts';
import type { LearnerIo } from './io.ts';

/** A learner's check: a brief wait for objects to converge, never a step's full timeout. */
const INTERACTIVE: CheckStepOptions = { wait: false };

/**
 * Checks the steps at `indexes` in order, each with the lab's health asked alongside (see
 * checkStep), and records every step that passes. Stops after a lab problem: the steps after it
 * could not be asked either, and one "the lab cannot answer" says it all.
 */
export async function checkAndRecord<Ctx>(
  io: LearnerIo<Ctx>,
  loaded: LoadedScenario,
  indexes: readonly number[],
): Promise<StepCheckResult[]> {
  const results: StepCheckResult[] = [];
  for (const index of indexes) {
    const result = await io.check(loaded, index, INTERACTIVE);
    results.push(result);
    if (result.passed) await io.recordPass(loaded.id, result.step, { solved: false });
    if (result.clusterProblem) break;
  }
  return results;
}
