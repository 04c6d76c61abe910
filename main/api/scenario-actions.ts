// Check, solve and progress for the UI: the same checker the CLI uses, with progress recorded.
import type Docker from 'dockerode';
import { checkStep, findStep, openLab } from '../checker/check-step.ts';
import { markStepPassed, readProgress, recordHintsUsed } from '../learner/progress.ts';
import type { StepCheckResult } from '../checker/result.ts';
import { solveStep } from '../checker/solve.ts';
import { ensureFilesUpTo } from '../checker/step-files.ts';
import { scenarioById } from '../scenarios/by-id.ts';
import { LabError } from './errors.ts';
import type { ProgressView } from './schemas/scenarios.ts';

export interface StepRef {
  lab: string;
  scenario: string;
  step: string;
}

/** Checks a step (brief wait, as the Check button wants); a pass is recorded. */
export async function checkForUi(client: Docker, ref: StepRef): Promise<StepCheckResult> {
  const loaded = await scenarioById(ref.scenario);
  const result = await checkStep(client, ref.lab, loaded, ref.step, { wait: false });
  if (result.passed) await markStepPassed(ref.lab, ref.scenario, result.step);
  return result;
}

/** Applies a step's solve, then records the step as passed by "show me". */
export async function solveForUi(
  client: Docker,
  ref: StepRef,
  onAction: (label: string) => void,
): Promise<string> {
  const loaded = await scenarioById(ref.scenario);
  const { step } = findStep(loaded, ref.step);
  const opened = await openLab(client, ref.lab, loaded.scenario.nodes);
  if ('problem' in opened)
    throw new LabError('LAB_NOT_READY', opened.problem.message, { fix: opened.problem.fix });
  const report = await solveStep(opened.ctx, loaded, step, {
    onAction: (_action, index) => onAction(`action ${index + 1}/${step.solve.length}`),
  });
  await markStepPassed(ref.lab, ref.scenario, step.id, { solved: true });
  return `solved ${step.id} in ${report.seconds.toFixed(1)} s`;
}

export async function progressView(lab: string): Promise<ProgressView> {
  const { progress } = await readProgress(lab);
  const view: ProgressView = {};
  for (const [scenario, entry] of Object.entries(progress.scenarios)) {
    view[scenario] = { passed: Object.keys(entry.steps), hintsUsed: entry.hintsUsed };
  }
  return view;
}

export async function revealHint(ref: StepRef, shown: number): Promise<ProgressView> {
  await recordHintsUsed(ref.lab, ref.scenario, ref.step, shown);
  return progressView(ref.lab);
}

/**
 * Opening a step puts its manifests (and those of earlier steps) in /home/learner on every node,
 * so the tutorial's `kubectl create -f FILE` works before anything is checked. Files a learner
 * already edited are left alone. Returns the lab's problem instead when it cannot take them.
 */
export async function openStep(
  client: Docker,
  ref: StepRef,
): Promise<{ ready: boolean; problem: string | null }> {
  const loaded = await scenarioById(ref.scenario);
  const { index } = findStep(loaded, ref.step);
  const opened = await openLab(client, ref.lab, loaded.scenario.nodes);
  if ('problem' in opened)
    return { ready: false, problem: `${opened.problem.message} ${opened.problem.fix}` };
  await ensureFilesUpTo(opened.ctx, loaded, index);
  return { ready: true, problem: null };
}
