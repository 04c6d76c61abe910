// Check, solve and progress for the UI: the learner module's actions (the same ones the CLI
// runs), answered in the contract's words.
import type Docker from 'dockerode';
import { findStep, openLab } from '../checker/check-step.ts';
import type { StepCheckResult } from '../checker/result.ts';
import { openStepIn } from '../checker/prepare.ts';
import { verifyStepOnLab } from '../checker/verify.ts';
import { checkAndRecord } from '../learner/check.ts';
import { labIo } from '../learner/io.ts';
import { readProgress, recordHintsUsed } from '../learner/progress.ts';
import { solveAndRecord } from '../learner/solve.ts';
import { scenarioById } from '../scenarios/by-id.ts';
import type { ProgressView } from './schemas/scenarios.ts';
import { solveAnswer } from './solve-answer.ts';
import { verifyStepAnswer } from './verify-step-answer.ts';

export interface StepRef {
  lab: string;
  scenario: string;
  step: string;
}

/** Checks a step (brief wait, as the Check button wants); a pass is recorded. */
export async function checkForUi(client: Docker, ref: StepRef): Promise<StepCheckResult> {
  const loaded = await scenarioById(ref.scenario);
  const { index } = findStep(loaded, ref.step);
  const [result] = await checkAndRecord(labIo(client, ref.lab), loaded, [index]);
  return result!;
}

/**
 * "Show me" for one step (the UI's skip ahead calls it step by step): its solution, then its
 * check; recorded as passed only when that check passes, otherwise the operation fails with
 * what is still wrong (solve-answer.ts).
 */
export async function solveForUi(
  client: Docker,
  ref: StepRef,
  onProgress: (label: string) => void,
  signal?: AbortSignal,
): Promise<string> {
  const loaded = await scenarioById(ref.scenario);
  const { step, index } = findStep(loaded, ref.step);
  const outcome = await solveAndRecord(labIo(client, ref.lab), loaded, [index], {
    onEvent: (event) => {
      if (event.type === 'action')
        onProgress(`action ${event.actionIndex + 1}/${step.solve.length}`);
      else if (event.type === 'checking') onProgress('checking the result');
    },
    ...(signal ? { signal } : {}),
  });
  return solveAnswer(step.id, outcome);
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
 * Opening a step puts its files (and those of earlier steps) where the text says, so the
 * tutorial's `kubectl create -f FILE` works before anything is checked, and runs its hidden
 * setup once (a troubleshooting step's broken state). Files a learner already edited are left
 * alone. Returns the lab's problem instead when it cannot take them.
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
  await openStepIn(opened.ctx, loaded, index);
  return { ready: true, problem: null };
}

/** Authoring mode's "Verify this step" on the lab as it is; nothing recorded. */
export async function verifyStepForUi(
  client: Docker,
  ref: StepRef,
  onPhase: (phase: string) => void,
  signal?: AbortSignal,
): Promise<string> {
  const loaded = await scenarioById(ref.scenario);
  const { index } = findStep(loaded, ref.step);
  const report = await verifyStepOnLab(client, loaded, ref.lab, index, {
    onPhase,
    ...(signal ? { signal } : {}),
  });
  return verifyStepAnswer(report);
}
