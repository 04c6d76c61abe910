// A learner's progress per lab (~/.kubelab/labs/<lab>/progress.json): per scenario, the steps
// passed (and when, and whether "show me" did it) and how many hints were shown. This module is
// the file's one writer (check, solve, hints and verify's reset all come through it). Written
// atomically; a corrupt file is set aside with a warning, never fatal, and what of it still
// reads (each step and hint entry on its own) is kept.
import { mkdir, readFile, rename, rm, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { z } from 'zod';
import { labDir } from '../lab/config.ts';
import { writeError } from '../write-error.ts';
import type { Scenario } from '../scenarios/schema.ts';

const StepProgressSchema = z.object({
  passedAt: z.string(),
  /** True when the step's solve ("show me" / skip ahead) did the work. */
  solved: z.boolean().optional(),
});

const ScenarioProgressSchema = z.object({
  steps: z.record(z.string(), StepProgressSchema).default({}),
  hintsUsed: z.record(z.string(), z.number().int().nonnegative()).default({}),
});

const LabProgressSchema = z.object({
  version: z.literal(1),
  scenarios: z.record(z.string(), ScenarioProgressSchema).default({}),
});

export type StepProgress = z.infer<typeof StepProgressSchema>;
export type ScenarioProgress = z.infer<typeof ScenarioProgressSchema>;
export type LabProgress = z.infer<typeof LabProgressSchema>;

export interface ProgressRead {
  progress: LabProgress;
  /** Set when the file was unreadable and has been moved aside. */
  warning: string | null;
}

export function progressFile(lab: string): string {
  return join(labDir(lab), 'progress.json');
}

export function emptyProgress(): LabProgress {
  return { version: 1, scenarios: {} };
}

export async function readProgress(lab: string): Promise<ProgressRead> {
  const file = progressFile(lab);
  let text: string;
  try {
    text = await readFile(file, 'utf8');
  } catch {
    return { progress: emptyProgress(), warning: null };
  }
  let raw: unknown;
  try {
    raw = JSON.parse(text);
  } catch {
    raw = undefined;
  }
  const result = LabProgressSchema.safeParse(raw);
  if (result.success) return { progress: result.data, warning: null };
  // Keep every entry that still reads; the whole original goes aside for the learner to see.
  const salvaged = raw === undefined ? null : salvageProgress(raw);
  const aside = `${file}.corrupt-${Date.now()}`;
  await rename(file, aside);
  if (salvaged) await writeProgress(lab, salvaged.progress);
  const kept = salvaged ? countEntries(salvaged.progress) : 0;
  return {
    progress: salvaged?.progress ?? emptyProgress(),
    warning:
      salvaged && kept > 0
        ? `Part of the progress file of lab "${lab}" was unreadable: ${kept} entr${kept === 1 ? 'y' : 'ies'} kept, ${salvaged.dropped} dropped. The original is in ${aside}.`
        : `The progress file of lab "${lab}" was unreadable; it was moved to ${aside} and progress starts afresh.`,
  };
}

function countEntries(progress: LabProgress): number {
  return Object.values(progress.scenarios).reduce(
    (sum, s) => sum + Object.keys(s.steps).length + Object.keys(s.hintsUsed).length,
    0,
  );
}

/** Every step and hint entry of a damaged progress object that still has its shape. */
export function salvageProgress(raw: unknown): { progress: LabProgress; dropped: number } {
  const progress = emptyProgress();
  let dropped = 0;
  const scenarios = (raw as { scenarios?: unknown } | null)?.scenarios;
  if (typeof scenarios !== 'object' || scenarios === null) return { progress, dropped: 1 };
  for (const [id, value] of Object.entries(scenarios as Record<string, unknown>)) {
    const entry: ScenarioProgress = { steps: {}, hintsUsed: {} };
    if (typeof value !== 'object' || value === null) {
      dropped++;
      continue;
    }
    const { steps, hintsUsed } = value as { steps?: unknown; hintsUsed?: unknown };
    for (const [step, item] of Object.entries((steps ?? {}) as Record<string, unknown>)) {
      const parsed = StepProgressSchema.safeParse(item);
      if (parsed.success) entry.steps[step] = parsed.data;
      else dropped++;
    }
    for (const [step, item] of Object.entries((hintsUsed ?? {}) as Record<string, unknown>)) {
      const parsed = ScenarioProgressSchema.shape.hintsUsed.unwrap().valueType.safeParse(item);
      if (parsed.success) entry.hintsUsed[step] = parsed.data;
      else dropped++;
    }
    if (Object.keys(entry.steps).length || Object.keys(entry.hintsUsed).length)
      progress.scenarios[id] = entry;
  }
  return { progress, dropped };
}

async function writeProgress(lab: string, progress: LabProgress): Promise<void> {
  const file = progressFile(lab);
  await mkdir(labDir(lab), { recursive: true });
  const tmp = `${file}.tmp-${process.pid}-${Date.now()}`;
  try {
    await writeFile(tmp, `${JSON.stringify(progress, null, 2)}\n`);
    await rename(tmp, file);
  } catch (error) {
    // The old file is untouched (the rename is what replaces it); the half-written copy goes.
    await rm(tmp, { force: true });
    throw writeError(error, 'your progress', file);
  }
}

// Updates in one process go one after another, so none is lost to a concurrent read.
const queues = new Map<string, Promise<unknown>>();

/** Reads, changes and writes the lab's progress, one change at a time. */
export function updateProgress(
  lab: string,
  change: (progress: LabProgress) => void,
): Promise<ProgressRead> {
  const previous = queues.get(lab) ?? Promise.resolve();
  const next = previous
    .catch(() => undefined)
    .then(async () => {
      const read = await readProgress(lab);
      change(read.progress);
      await writeProgress(lab, read.progress);
      return read;
    });
  queues.set(lab, next);
  return next;
}

function scenarioOf(progress: LabProgress, scenario: string): ScenarioProgress {
  progress.scenarios[scenario] ??= { steps: {}, hintsUsed: {} };
  return progress.scenarios[scenario];
}

export function markStepPassed(
  lab: string,
  scenario: string,
  step: string,
  options: { solved?: boolean; at?: Date } = {},
): Promise<ProgressRead> {
  return updateProgress(lab, (progress) => {
    const entry: StepProgress = { passedAt: (options.at ?? new Date()).toISOString() };
    if (options.solved) entry.solved = true;
    scenarioOf(progress, scenario).steps[step] = entry;
  });
}

/** Records that `shown` hints of a step have been revealed (the count never goes down). */
export function recordHintsUsed(
  lab: string,
  scenario: string,
  step: string,
  shown: number,
): Promise<ProgressRead> {
  return updateProgress(lab, (progress) => {
    const hints = scenarioOf(progress, scenario).hintsUsed;
    hints[step] = Math.max(hints[step] ?? 0, shown);
  });
}

export function resetScenarioProgress(lab: string, scenario: string): Promise<ProgressRead> {
  return updateProgress(lab, (progress) => {
    delete progress.scenarios[scenario];
  });
}

/** Forgets every step recorded as passed and every hint shown, for every scenario of the lab. */
export function forgetProgress(lab: string): Promise<ProgressRead> {
  return updateProgress(lab, (progress) => {
    progress.scenarios = {};
  });
}

/** Index of the first step not passed yet, or null when every step has passed. */
export function currentStepIndex(
  scenario: Scenario,
  progress: ScenarioProgress | undefined,
): number | null {
  const index = scenario.steps.findIndex((step) => !progress?.steps[step.id]);
  return index === -1 ? null : index;
}
