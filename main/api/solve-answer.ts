// What the UI's "show me" operation ends with, from the learner's solve outcome. The operation's
// message is all the UI shows of it (CheckPanel puts a failure in its alert line, the skip-ahead
// in "could not skip: …"), so a failure says what is still wrong and that nothing was recorded.
import type { CheckResult } from '../checker/result.ts';
import { oneLine } from '../checker/text.ts';
import type { SolveOutcome } from '../learner/solve.ts';
import { LabError } from './errors.ts';

/** How many failed conditions the message names before "and N more". */
const NAMED = 3;

function failedConditions(results: readonly CheckResult[]): string {
  const failed = results.filter((r) => !r.passed);
  const named = failed
    .slice(0, NAMED)
    .map(
      (r) =>
        `${r.description} (expected ${oneLine(r.expected, 80)}, found ${oneLine(r.found, 80)})`,
    );
  if (failed.length > NAMED) named.push(`and ${failed.length - NAMED} more`);
  return named.join('; ');
}

/** The done message for a solved step; throws what the operation fails with otherwise. */
export function solveAnswer(step: string, outcome: SolveOutcome): string {
  switch (outcome.kind) {
    case 'done':
      return `solved ${step} in ${outcome.solved[0]!.report.seconds.toFixed(1)} s`;
    case 'lab-problem':
      throw new LabError('LAB_NOT_READY', outcome.problem.message, { fix: outcome.problem.fix });
    case 'solve-failed':
      throw outcome.error;
    case 'check-failed': {
      const { clusterProblem, results } = outcome.result;
      if (clusterProblem) {
        // In the message, not only as `fix`: an operation's failure carries its message alone.
        throw new LabError(
          'LAB_NOT_READY',
          `The solution of ${step} ran, but the lab stopped answering before its check: ${clusterProblem.message} The step was not marked as passed. ${clusterProblem.fix}`,
          { fix: clusterProblem.fix },
        );
      }
      throw new LabError(
        'STEP_NOT_PASSED',
        `The solution of ${step} ran, but the step's check still fails: ${failedConditions(results)}. The step was not marked as passed; press Check to see every condition.`,
      );
    }
  }
}
