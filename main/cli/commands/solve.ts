// `kubelab solve SCENARIO [STEP]`: "show me" — runs a step's solution and checks it. Without
// STEP: the current step. With STEP: every step from the current one up to and including STEP
// (skip ahead); a STEP already behind the learner is solved on its own. A step is recorded as
// passed only when its check passes after the solve (the learner module decides; this prints).
import type { VerbRun } from '../command.ts';
import { requireEngine } from '../../engine/docker.ts';
import { findStep } from '../../checker/check-step.ts';
import { actionLabel } from '../../checker/actions.ts';
import { labIo } from '../../learner/io.ts';
import { currentStepIndex, readProgress } from '../../learner/progress.ts';
import type { SolveEvent } from '../../learner/solve.ts';
import { solveAndRecord } from '../../learner/solve.ts';
import { stepsToSolve } from '../../learner/steps.ts';
import type { LoadedScenario } from '../../scenarios/load.ts';
import { bold, dim, green, red, yellow } from '../output.ts';
import { formatStepResult } from './check-output.ts';
import { CLUSTER_PROBLEM_EXIT } from './check.ts';
import type { solveFlags } from '../verbs/solve.ts';
import { labName } from './lab-args.ts';
import { scenarioById, scenariosRoot } from './scenario-args.ts';

function printEvent(loaded: LoadedScenario, event: SolveEvent): void {
  const steps = loaded.scenario.steps;
  const step = steps[event.index]!;
  if (event.type === 'step') {
    console.log(
      bold(`solving ${loaded.id} › ${step.id} (${event.index + 1}/${steps.length}): ${step.title}`),
    );
  } else if (event.type === 'action') {
    const { action } = event;
    const node = 'run' in action && action.node ? ` ${dim(`(on ${action.node})`)}` : '';
    console.log(`  ${dim('$')} ${actionLabel(action).split('\n').join('\n    ')}${node}`);
  } else if (event.type === 'passed') {
    console.log(green(`  ✓ ${step.id} done (${event.result.results.length} checks pass)`));
  }
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
  const steps = loaded.scenario.steps;
  const outcome = await solveAndRecord(labIo(await requireEngine(), lab), loaded, indexes, {
    onEvent: (event) => printEvent(loaded, event),
  });
  switch (outcome.kind) {
    case 'lab-problem':
      console.error(`${yellow('cluster problem:')} ${outcome.problem.message}`);
      console.error(`${bold('fix:')} ${outcome.problem.fix}`);
      return CLUSTER_PROBLEM_EXIT;
    case 'solve-failed':
      console.log(red(`  the solution failed: ${outcome.error.message}`));
      return 1;
    case 'check-failed':
      console.log(formatStepResult(outcome.result, steps.length));
      return outcome.result.clusterProblem ? CLUSTER_PROBLEM_EXIT : 1;
    case 'done': {
      const next = steps[indexes[indexes.length - 1]! + 1];
      if (next) console.log(`next: ${bold(next.id)} – ${next.title}`);
      return 0;
    }
  }
};
