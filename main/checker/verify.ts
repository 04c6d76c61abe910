// The self-test of a scenario on a real lab: the lab gets the scenario's node count and a clean
// slate, then each step in order: its hidden setup (if any) runs, and again (it must be
// idempotent); its checks must fail before its solve (unless it only observes), its solve must
// succeed, and its checks must pass afterwards. Ends with a reset.
import type Docker from 'dockerode';
import { labReset } from '../lab/reset.ts';
import { labUp } from '../lab/up.ts';
import type { LoadedScenario } from '../scenarios/load.ts';
import { checkStepIn, openLab } from './check-step.ts';
import type { LabContext } from './lab-io.ts';
import type { CheckResult } from './result.ts';
import { ensureSetup, runSetup, setupsFor } from './setup.ts';
import { SolveError, solveStep } from './solve.ts';

export interface VerifyFailure {
  /**
   * setup: the step's hidden setup failed, or failed when run a second time (it must be
   * idempotent); before: the checks passed before the solve ran; solve: an action failed;
   * after: checks failed.
   */
  phase: 'setup' | 'before' | 'solve' | 'after' | 'cluster';
  message: string;
  /** The checks involved, with full expected/found. */
  results: CheckResult[];
}

export interface VerifyStepReport {
  id: string;
  title: string;
  passed: boolean;
  /** False when an earlier step failed and this one was not run. */
  ran: boolean;
  seconds: number;
  solveSeconds: number;
  failures: VerifyFailure[];
}

export interface VerifyReport {
  scenario: string;
  title: string;
  lab: string;
  passed: boolean;
  seconds: number;
  /** Lab up (with the scenario's node count) and reset before the steps. */
  setupSeconds: number;
  steps: VerifyStepReport[];
  /** A problem outside any one step (the lab would not start, the final reset failed). */
  error: string | null;
}

export type VerifyEvent =
  | { type: 'setup'; scenario: string; message: string }
  | { type: 'step'; scenario: string; step: string; index: number; total: number; phase: string }
  | { type: 'step-done'; scenario: string; report: VerifyStepReport };

export interface VerifyOptions {
  lab: string;
  onEvent?: (event: VerifyEvent) => void;
  /**
   * Runs right after the lab's reset, before the steps: the lab starts over, so must what was
   * recorded about it (`kubelab verify` forgets the scenario's progress here). A hook, because
   * progress belongs to the learner module, which builds on the checker and not the other way.
   */
  afterReset?: () => Promise<unknown>;
  signal?: AbortSignal;
}

function message(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}

async function verifyStep(
  ctx: LabContext,
  loaded: LoadedScenario,
  index: number,
  emit: (phase: string) => void,
  signal?: AbortSignal,
): Promise<VerifyStepReport> {
  const started = Date.now();
  const step = loaded.scenario.steps[index]!;
  const report: VerifyStepReport = {
    id: step.id,
    title: step.title,
    passed: false,
    ran: true,
    seconds: 0,
    solveSeconds: 0,
    failures: [],
  };
  const finish = (): VerifyStepReport => {
    report.passed = report.failures.length === 0;
    report.seconds = (Date.now() - started) / 1000;
    return report;
  };
  const signalOption = signal ? { signal } : {};
  const setups = setupsFor(loaded, index);
  if (setups.length > 0) {
    emit('setting up (twice: it must be idempotent)');
    try {
      await ensureSetup(ctx, loaded, index, signal);
      for (const setup of setups) await runSetup(ctx, loaded, setup, signal);
    } catch (error) {
      report.failures.push({ phase: 'setup', message: message(error), results: [] });
      return finish();
    }
  }
  if (step.changesState) {
    emit('checking it does not pass yet');
    const before = await checkStepIn(ctx, loaded, index, {
      wait: false,
      briefSeconds: 0,
      ...signalOption,
    });
    if (before.clusterProblem) {
      report.failures.push({
        phase: 'cluster',
        message: before.clusterProblem.message,
        results: [],
      });
      return finish();
    }
    if (before.passed) {
      report.failures.push({
        phase: 'before',
        message: 'every check passed before the solve ran: the checks do not tell this step apart',
        results: before.results,
      });
    }
  }
  emit('solving');
  const solveStarted = Date.now();
  try {
    await solveStep(ctx, loaded, step, { overwriteFiles: true, ...signalOption });
  } catch (error) {
    report.solveSeconds = (Date.now() - solveStarted) / 1000;
    report.failures.push({
      phase: error instanceof SolveError ? 'solve' : 'cluster',
      message: message(error),
      results: [],
    });
    return finish();
  }
  report.solveSeconds = (Date.now() - solveStarted) / 1000;
  emit('checking it passes');
  const after = await checkStepIn(ctx, loaded, index, { wait: true, ...signalOption });
  if (after.clusterProblem) {
    report.failures.push({ phase: 'cluster', message: after.clusterProblem.message, results: [] });
  } else if (!after.passed) {
    report.failures.push({
      phase: 'after',
      message: `${after.results.filter((r) => !r.passed).length} of ${after.results.length} checks failed after the solve`,
      results: after.results,
    });
  }
  return finish();
}

/**
 * Authoring mode's "Verify this step": the same trial as verify's, on the lab as it is now (no
 * reset — the author is at this step), without recording progress.
 */
export async function verifyStepOnLab(
  client: Docker,
  loaded: LoadedScenario,
  lab: string,
  index: number,
  options: { onPhase?: (phase: string) => void; signal?: AbortSignal } = {},
): Promise<VerifyStepReport> {
  const opened = await openLab(client, lab, loaded.scenario.nodes);
  if ('problem' in opened) {
    const step = loaded.scenario.steps[index]!;
    return {
      id: step.id,
      title: step.title,
      passed: false,
      ran: false,
      seconds: 0,
      solveSeconds: 0,
      failures: [
        {
          phase: 'cluster',
          message: `${opened.problem.message} ${opened.problem.fix}`,
          results: [],
        },
      ],
    };
  }
  return verifyStep(
    opened.ctx,
    loaded,
    index,
    options.onPhase ?? ((): void => undefined),
    options.signal,
  );
}

export async function verifyScenario(
  client: Docker,
  loaded: LoadedScenario,
  options: VerifyOptions,
): Promise<VerifyReport> {
  const started = Date.now();
  const { lab } = options;
  const emit = options.onEvent ?? ((): void => undefined);
  const steps = loaded.scenario.steps;
  const report: VerifyReport = {
    scenario: loaded.id,
    title: loaded.scenario.title,
    lab,
    passed: false,
    seconds: 0,
    setupSeconds: 0,
    steps: [],
    error: null,
  };
  const notRun = (from: number): VerifyStepReport[] =>
    steps.slice(from).map((step) => ({
      id: step.id,
      title: step.title,
      passed: false,
      ran: false,
      seconds: 0,
      solveSeconds: 0,
      failures: [],
    }));
  const finish = (): VerifyReport => {
    report.passed = report.error === null && report.steps.every((s) => s.passed);
    report.seconds = (Date.now() - started) / 1000;
    return report;
  };
  try {
    emit({
      type: 'setup',
      scenario: loaded.id,
      message: `lab ${lab} with ${loaded.scenario.nodes} node(s)`,
    });
    await labUp(client, {
      lab,
      nodes: loaded.scenario.nodes,
      ...(options.signal ? { signal: options.signal } : {}),
    });
    emit({ type: 'setup', scenario: loaded.id, message: 'reset' });
    await labReset(client, lab, true);
    await options.afterReset?.();
  } catch (error) {
    report.error = `The lab could not be prepared: ${message(error)}`;
    report.steps = notRun(0);
    return finish();
  }
  report.setupSeconds = (Date.now() - started) / 1000;
  const opened = await openLab(client, lab, loaded.scenario.nodes);
  if ('problem' in opened) {
    report.error = `${opened.problem.message} ${opened.problem.fix}`;
    report.steps = notRun(0);
    return finish();
  }
  for (let index = 0; index < steps.length; index++) {
    const step = steps[index]!;
    const stepReport = await verifyStep(
      opened.ctx,
      loaded,
      index,
      (phase) =>
        emit({
          type: 'step',
          scenario: loaded.id,
          step: step.id,
          index,
          total: steps.length,
          phase,
        }),
      options.signal,
    );
    report.steps.push(stepReport);
    emit({ type: 'step-done', scenario: loaded.id, report: stepReport });
    // A step whose solve or checks failed leaves the lab in a state later steps cannot build on.
    if (stepReport.failures.some((f) => f.phase !== 'before')) {
      report.steps.push(...notRun(index + 1));
      break;
    }
  }
  try {
    emit({ type: 'setup', scenario: loaded.id, message: 'final reset' });
    await labReset(client, lab, true);
  } catch (error) {
    report.error = `The final reset failed: ${message(error)}`;
  }
  return finish();
}
