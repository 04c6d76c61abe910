// An instructor's progress report of one lab: what the learner's progress file says, set against
// the scenario catalogue. Declared here (shared) because the CLI writes it as JSON and the
// contract answers it to the renderer; main/learner/report.ts builds it.
import { z } from 'zod';

/**
 * Said in every report, JSON and HTML: the progress file is the learner's own, so a report can
 * only repeat what it says.
 */
export const SELF_REPORTED =
  "Self-reported: these records are written by kubelab on the learner's own machine, which the learner controls; nothing here is signed or proof against editing.";

export const ReportStepSchema = z.object({
  id: z.string(),
  /** Null for a step recorded under an id the scenario no longer has (or a scenario it lacks). */
  title: z.string().nullable(),
  /** False when the progress file names a step the catalogue's scenario does not have. */
  inScenario: z.boolean(),
  passed: z.boolean(),
  /** As the progress file has it (kubelab writes ISO 8601 UTC); null when not passed. */
  passedAt: z.string().nullable(),
  /** From the previous step's pass to this one's, when both are there and readable. */
  secondsSincePrevious: z.number().nullable(),
  /** The step's solution did the work ("show me", or skip ahead). */
  solved: z.boolean(),
  hintsUsed: z.number().int().nonnegative(),
});
export type ReportStep = z.infer<typeof ReportStepSchema>;

/**
 * `listed`: in the catalogue. `not-in-catalogue`: progress of a scenario no longer installed.
 * `does-not-load`: its folder is there but broken (`kubelab scenarios` says why). The last two
 * are reported from the progress file alone, never dropped.
 */
export const ReportCatalogueStateSchema = z.enum(['listed', 'not-in-catalogue', 'does-not-load']);

/**
 * `finished`: every step the scenario has passed. `in-progress`: something recorded (a step
 * passed or a hint shown) but not every step. `not-started`: nothing recorded.
 */
export const ReportScenarioStateSchema = z.enum(['not-started', 'in-progress', 'finished']);

export const ReportScenarioSchema = z.object({
  id: z.string(),
  /** Null when the catalogue does not have the scenario (only its id is known). */
  title: z.string().nullable(),
  catalogue: ReportCatalogueStateSchema,
  state: ReportScenarioStateSchema,
  /** Steps the scenario has; null when the catalogue does not have it. */
  stepsTotal: z.number().int().nonnegative().nullable(),
  /** Of those steps, how many passed (a scenario not listed: every step recorded as passed). */
  stepsPassed: z.number().int().nonnegative(),
  stepsSolved: z.number().int().nonnegative(),
  hintsUsed: z.number().int().nonnegative(),
  /** The scenario's steps in order, then any the progress file names that it no longer has. */
  steps: z.array(ReportStepSchema),
});
export type ReportScenario = z.infer<typeof ReportScenarioSchema>;

export const ReportTotalsSchema = z.object({
  scenarios: z.number().int().nonnegative(),
  finished: z.number().int().nonnegative(),
  inProgress: z.number().int().nonnegative(),
  notStarted: z.number().int().nonnegative(),
  /** Scenarios reported from the progress file alone (not listed, or not loading). */
  notInCatalogue: z.number().int().nonnegative(),
  /** Steps passed of the scenarios the catalogue has, out of `stepsTotal`. */
  stepsPassed: z.number().int().nonnegative(),
  /** Steps of the scenarios the catalogue has. */
  stepsTotal: z.number().int().nonnegative(),
  /** Passes recorded for steps the catalogue does not have (renamed, or of a scenario it lacks). */
  passesOutsideCatalogue: z.number().int().nonnegative(),
  /** Every scenario's `stepsSolved`. */
  stepsSolved: z.number().int().nonnegative(),
  hintsUsed: z.number().int().nonnegative(),
});
export type ReportTotals = z.infer<typeof ReportTotalsSchema>;

export const ProgressReportSchema = z.object({
  format: z.literal('kubelab-progress-report'),
  version: z.literal(1),
  lab: z.string(),
  /** ISO 8601 UTC. */
  generatedAt: z.string(),
  /** SELF_REPORTED: what the records are worth. */
  selfReported: z.string(),
  /** Set when the progress file was damaged and only part of it could be read. */
  progressWarning: z.string().nullable(),
  totals: ReportTotalsSchema,
  scenarios: z.array(ReportScenarioSchema),
});
export type ProgressReport = z.infer<typeof ProgressReportSchema>;

/** What `scenarios:report` answers: the page to save and the data it was made from. */
export const ProgressReportAnswerSchema = z.object({
  html: z.string(),
  report: ProgressReportSchema,
});
export type ProgressReportAnswer = z.infer<typeof ProgressReportAnswerSchema>;
