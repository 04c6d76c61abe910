// Everything the learner's actions reach outside themselves: the lab (through the checker) and
// the progress file. One object, so check.ts and solve.ts decide with fakes in their tests and
// with labIo() for real. `Ctx` is an opened lab; the fakes use any token.
import type Docker from 'dockerode';
import { checkStep, checkStepIn, openLab } from '../checker/check-step.ts';
import type { CheckStepOptions } from '../checker/check-step.ts';
import type { LabContext } from '../checker/lab-io.ts';
import type { ClusterProblem, StepCheckResult } from '../checker/result.ts';
import type { SolveOptions, SolveReport } from '../checker/solve.ts';
import { solveStep } from '../checker/solve.ts';
import type { LoadedScenario } from '../scenarios/load.ts';
import type { Step } from '../scenarios/schema.ts';
import { markStepPassed } from './progress.ts';

export interface LearnerIo<Ctx> {
  /** The lab's health and the step's conditions, asked at the same time (checkStep). */
  check(loaded: LoadedScenario, index: number, options: CheckStepOptions): Promise<StepCheckResult>;
  /** The lab ready for work, or its problem: asked before a solve, which changes the lab. */
  open(loaded: LoadedScenario): Promise<{ ctx: Ctx } | { problem: ClusterProblem }>;
  solve(ctx: Ctx, loaded: LoadedScenario, step: Step, options: SolveOptions): Promise<SolveReport>;
  /** The step's conditions in a lab just opened (no second health check). */
  recheck(
    ctx: Ctx,
    loaded: LoadedScenario,
    index: number,
    options: CheckStepOptions,
  ): Promise<StepCheckResult>;
  recordPass(scenario: string, step: string, how: { solved: boolean }): Promise<void>;
}

/** The real thing: the checker on lab `lab` of the engine `client`, progress in its folder. */
export function labIo(client: Docker, lab: string): LearnerIo<LabContext> {
  return {
    check: (loaded, index, options) => checkStep(client, lab, loaded, index, options),
    open: (loaded) => openLab(client, lab, loaded.scenario.nodes),
    solve: solveStep,
    recheck: checkStepIn,
    recordPass: async (scenario, step, how) => {
      await markStepPassed(lab, scenario, step, how.solved ? { solved: true } : {});
    },
  };
}
