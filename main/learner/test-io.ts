// A scripted LearnerIo for the learner's tests: answers as told, and logs what was asked and
// what was recorded, in order. No lab, no files.
import { parse } from 'yaml';
import type { ClusterProblem, StepCheckResult } from '../checker/result.ts';
import { SolveError } from '../checker/solve.ts';
import type { SolveReport } from '../checker/solve.ts';
import { VALID_SCENARIO_YAML } from '../scenarios/fixture.ts';
import type { LoadedScenario } from '../scenarios/load.ts';
import { ScenarioSchema } from '../scenarios/schema.ts';
import type { LearnerIo } from './io.ts';

/** The fixture scenario `demo`: steps create-pod and cleanup. */
export const DEMO: LoadedScenario = {
  id: 'demo',
  dir: '/nowhere',
  scenario: ScenarioSchema.parse(parse(VALID_SCENARIO_YAML)),
  markdown: {},
  pages: { intro: null, finish: null },
};

export const LAB_DOWN: ClusterProblem = { message: 'There is no lab "x".', fix: 'kubelab up' };

export function stepResult(
  index: number,
  passed: boolean,
  clusterProblem: ClusterProblem | null = null,
): StepCheckResult {
  const step = DEMO.scenario.steps[index]!;
  const condition = {
    type: 'exists' as const,
    passed,
    description: `${step.id} is done`,
    expected: 'done',
    found: passed ? 'done' : 'not yet',
    hint: null,
    command: 'kubectl get pods',
    runIn: null,
  };
  return {
    scenario: DEMO.id,
    step: step.id,
    index,
    title: step.title,
    passed: passed && !clusterProblem,
    results: clusterProblem ? [] : [condition],
    clusterProblem,
    seconds: 0.1,
  };
}

export interface Script {
  /** The lab's problem when opened for a solve (default: none). */
  problem?: ClusterProblem;
  /** Per step index, what a check (and a re-check after a solve) answers (default: passed). */
  answers?: Record<number, StepCheckResult>;
  /** Step indexes whose solution fails. */
  failingSolves?: number[];
}

export function scriptedIo(script: Script = {}): { io: LearnerIo<'lab'>; log: string[] } {
  const log: string[] = [];
  const answer = (index: number): StepCheckResult =>
    script.answers?.[index] ?? stepResult(index, true);
  const io: LearnerIo<'lab'> = {
    check: (_loaded, index, options) => {
      log.push(`check ${index} wait=${options.wait}`);
      return Promise.resolve(answer(index));
    },
    open: () => {
      log.push('open');
      return Promise.resolve(script.problem ? { problem: script.problem } : { ctx: 'lab' });
    },
    solve: (_ctx, _loaded, step, options) => {
      const index = DEMO.scenario.steps.indexOf(step);
      log.push(`solve ${index}`);
      step.solve.forEach((action, i) => options.onAction?.(action, i));
      const report: SolveReport = { step: step.id, actions: [], seconds: 1.5 };
      if (script.failingSolves?.includes(index)) {
        return Promise.reject(new SolveError(step.id, 'false', 'exit status 1', '', report));
      }
      return Promise.resolve(report);
    },
    recheck: (_ctx, _loaded, index, options) => {
      log.push(`recheck ${index} wait=${options.wait}`);
      return Promise.resolve(answer(index));
    },
    recordPass: (scenario, step, how) => {
      log.push(`record ${scenario}/${step}${how.solved ? ' solved' : ''}`);
      return Promise.resolve();
    },
  };
  return { io, log };
}
