// `kubelab check SCENARIO [STEP]`: is the step done? Every condition with what was expected, what
// was found, a hint and the command to look yourself. Without STEP: the learner's current step
// (the first one not passed yet), or every step once all have passed.
import type { VerbRun } from '../command.ts';
import { requireEngine } from '../../engine/docker.ts';
import { findStep } from '../../checker/check-step.ts';
import { checkAndRecord } from '../../learner/check.ts';
import { hintsToShow } from '../../learner/hints.ts';
import { labIo } from '../../learner/io.ts';
import { currentStepIndex, readProgress, recordHintsUsed } from '../../learner/progress.ts';
import type { LabProgress } from '../../learner/progress.ts';
import { stepsToCheck } from '../../learner/steps.ts';
import { bold, dim, green, yellow } from '../output.ts';
import { formatStepResult } from './check-output.ts';
import type { checkFlags } from '../verbs/check.ts';
import { labName } from './lab-args.ts';
import { scenarioById, scenariosRoot } from './scenario-args.ts';

/** The hints revealed so far; with --hint, one more (recorded in the progress). */
async function showHints(
  lab: string,
  scenario: string,
  hints: string[],
  step: string,
  progress: LabProgress,
  more: boolean,
): Promise<void> {
  if (!hints.length) return;
  const used = progress.scenarios[scenario]?.hintsUsed[step] ?? 0;
  const shown = hintsToShow(hints.length, used, more);
  if (shown > used) await recordHintsUsed(lab, scenario, step, shown);
  hints
    .slice(0, shown)
    .forEach((hint, i) => console.log(`${yellow(`hint ${i + 1}/${hints.length}:`)} ${hint}`));
  if (shown < hints.length) {
    console.log(
      dim(
        `(${hints.length - shown} more hint${hints.length - shown === 1 ? '' : 's'}: add --hint)`,
      ),
    );
  }
}

/** Exit status when the lab, not the learner, kept a check from running. */
export const CLUSTER_PROBLEM_EXIT = 3;

export const run: VerbRun<typeof checkFlags> = async ({ values, positionals }) => {
  const [id, stepArg] = positionals as [string, string | undefined];
  const lab = labName(values.lab);
  const loaded = await scenarioById(id, await scenariosRoot(values['scenarios-dir']));
  const { progress, warning } = await readProgress(lab);
  if (warning) console.error(yellow(`warning: ${warning}`));
  const steps = loaded.scenario.steps;
  const current = currentStepIndex(loaded.scenario, progress.scenarios[id]);
  const target =
    stepArg === undefined
      ? null
      : findStep(loaded, /^\d+$/.test(stepArg) ? Number(stepArg) - 1 : stepArg).index;
  const indexes = stepsToCheck(current, target, steps.length);
  // The lab's health is asked alongside each step's conditions, as the UI's Check does.
  const results = await checkAndRecord(labIo(await requireEngine(), lab), loaded, indexes);
  const clusterProblem = results.some((r) => r.clusterProblem);
  const allPassed = results.every((r) => r.passed);
  if (values.json) {
    console.log(
      JSON.stringify(stepArg !== undefined || current !== null ? results[0] : results, null, 2),
    );
  } else {
    if (stepArg === undefined && current === null) {
      console.log(green(`Every step of ${id} has passed before; checking them all again.`));
    }
    for (const result of results) console.log(formatStepResult(result, steps.length));
    const last = results[results.length - 1];
    if (results.length === 1 && last && !last.passed && !last.clusterProblem) {
      await showHints(lab, id, steps[last.index]!.hints, last.step, progress, values.hint);
    }
    if (results.length === 1 && last?.passed) {
      const next = steps[last.index + 1];
      console.log(
        next
          ? `next: ${bold(next.id)} – ${next.title}   (kubelab check ${id}${values.lab ? ` --lab ${lab}` : ''})`
          : green(`That was the last step of ${id}. Well done!`),
      );
    }
  }
  if (clusterProblem) return CLUSTER_PROBLEM_EXIT;
  return allPassed ? 0 : 1;
};
