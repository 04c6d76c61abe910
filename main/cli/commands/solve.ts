// `kubelab solve SCENARIO [STEP]`: "show me" — runs a step's solution and checks it. Without
// STEP: the current step. With STEP: every step from the current one up to and including STEP
// (skip ahead); a STEP already behind the learner is solved on its own.
import type { VerbRun } from '../command.ts';
import { requireEngine } from '../../engine/docker.ts';
import { checkStepIn, findStep, openLab } from '../../checker/check-step.ts';
import { currentStepIndex, markStepPassed, readProgress } from '../../learner/progress.ts';
import { SolveError, actionLabel, solveStep } from '../../checker/solve.ts';
import { bold, dim, green, red, yellow } from '../output.ts';
import { formatStepResult } from './check-output.ts';
import { CLUSTER_PROBLEM_EXIT } from './check.ts';
import type { solveFlags } from '../verbs/solve.ts';
import { labName } from './lab-args.ts';
import { scenarioById, scenariosRoot } from './scenario-args.ts';

/** The steps `solve` runs: from the current step through the target. */
export function stepsToSolve(current: number | null, target: number | null): number[] {
  if (target === null) return current === null ? [] : [current];
  const from = current === null || current > target ? target : current;
  return Array.from({ length: target - from + 1 }, (_, i) => from + i);
}

export const run: VerbRun<typeof solveFlags> = async ({ values, positionals }) => {
  const [id, stepArg] = positionals as [string, string | undefined];
  const lab = labName(values.lab);
  const loaded = await scenarioById(id, await scenariosRoot(values['scenarios-dir']));
  const { progress, warning } = await readProgress(lab);
  if (warning) console.error(yellow(`warning: ${warning}`));
  const current = currentStepIndex(loaded.scenario, progress.scenarios[id]);
  const target =
    stepArg === undefined
      ? null
      : findStep(loaded, /^\d+$/.test(stepArg) ? Number(stepArg) - 1 : stepArg).index;
  const indexes = stepsToSolve(current, target);
  if (!indexes.length) {
    console.log(green(`Every step of ${id} has passed; name a step to solve it again.`));
    return 0;
  }
  const client = await requireEngine();
  const opened = await openLab(client, lab, loaded.scenario.nodes);
  if ('problem' in opened) {
    console.error(`${yellow('cluster problem:')} ${opened.problem.message}`);
    console.error(`${bold('fix:')} ${opened.problem.fix}`);
    return CLUSTER_PROBLEM_EXIT;
  }
  const steps = loaded.scenario.steps;
  for (const index of indexes) {
    const step = steps[index]!;
    console.log(bold(`solving ${id} › ${step.id} (${index + 1}/${steps.length}): ${step.title}`));
    try {
      await solveStep(opened.ctx, loaded, step, {
        onAction: (action) => {
          const node = 'run' in action && action.node ? ` ${dim(`(on ${action.node})`)}` : '';
          console.log(`  ${dim('$')} ${actionLabel(action).split('\n').join('\n    ')}${node}`);
        },
      });
    } catch (error) {
      if (!(error instanceof SolveError)) throw error;
      console.log(red(`  the solution failed: ${error.message}`));
      return 1;
    }
    const result = await checkStepIn(opened.ctx, loaded, index, { wait: true });
    if (!result.passed) {
      console.log(formatStepResult(result, steps.length));
      return result.clusterProblem ? CLUSTER_PROBLEM_EXIT : 1;
    }
    await markStepPassed(lab, id, step.id, { solved: true });
    console.log(green(`  ✓ ${step.id} done (${result.results.length} checks pass)`));
  }
  const next = steps[indexes[indexes.length - 1]! + 1];
  if (next) console.log(`next: ${bold(next.id)} – ${next.title}`);
  return 0;
};
