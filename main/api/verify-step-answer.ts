// What authoring mode's "Verify this step" operation ends with: a one-line success, or a
// failure that names the phase (setup, before, solve, after, cluster) and each failed condition.
import type { VerifyStepReport } from '../checker/verify.ts';
import { oneLine } from '../checker/text.ts';
import { LabError } from './errors.ts';

const PHASE_WORDS: Record<string, string> = {
  setup: 'its setup failed',
  before: 'its checks already passed before the solve (they do not tell the step apart)',
  solve: 'its solve failed',
  after: 'its checks failed after the solve',
  cluster: 'the lab could not take it',
};

export function verifyStepAnswer(report: VerifyStepReport): string {
  if (report.passed) {
    return `verified ${report.id}: setup, fail before, solve (${report.solveSeconds.toFixed(1)} s), pass after — ${report.seconds.toFixed(1)} s in all`;
  }
  const [first] = report.failures;
  const details = report.failures.flatMap((failure) => [
    `${failure.phase}: ${oneLine(failure.message, 300)}`,
    ...failure.results
      .filter((r) => failure.phase === 'before' || !r.passed)
      .map(
        (r) =>
          `  ${r.description}: expected ${oneLine(r.expected, 80)}, found ${oneLine(r.found, 80)}`,
      ),
  ]);
  throw new LabError(
    'VERIFY_FAILED',
    `Step ${report.id} does not verify: ${PHASE_WORDS[first?.phase ?? 'cluster'] ?? first?.phase}. ${oneLine(first?.message ?? '', 300)}`,
    {
      details,
      fix: 'Edit the step (its setup, checks or solve) and verify again; a reset (kubelab reset) gives the step a clean lab.',
    },
  );
}
