// What a step needs in place before anything else happens to it — its files, then its hidden
// setup (which may use those files) — whether it is opened, checked or solved.
import type { LoadedScenario } from '../scenarios/load.ts';
import type { LabContext } from './lab-io.ts';
import { ensureSetup } from './setup.ts';
import { ensureFilesUpTo, ensureStepFiles } from './step-files.ts';

export interface PrepareOptions {
  /** Restore the step's files even if the learner changed them (verify does). */
  overwriteFiles?: boolean;
  signal?: AbortSignal;
}

export async function prepareStep(
  ctx: LabContext,
  loaded: LoadedScenario,
  index: number,
  options: PrepareOptions = {},
): Promise<void> {
  await ensureStepFiles(ctx, loaded, index, { overwrite: options.overwriteFiles ?? false });
  await ensureSetup(ctx, loaded, index, options.signal);
}

/** Opening a step: every file up to it (a learner may have jumped ahead), then its setup. */
export async function openStepIn(
  ctx: LabContext,
  loaded: LoadedScenario,
  index: number,
): Promise<void> {
  await ensureFilesUpTo(ctx, loaded, index);
  await ensureSetup(ctx, loaded, index);
}
