import { z } from 'zod';
import { CheckTypeSchema } from './check-types.ts';
import { LabNameSchema } from './lab.ts';
import { ScenarioProblemSchema } from './scenario-problem.ts';

export const ScenarioStepViewSchema = z.object({
  id: z.string(),
  title: z.string(),
  /** The step's Markdown text. */
  markdown: z.string(),
  hints: z.array(z.string()),
  /** What each check of the step looks for, in words (authoring mode lists them). */
  checks: z.array(z.string()),
});

export const ScenarioViewSchema = z.object({
  id: z.string(),
  title: z.string(),
  summary: z.string(),
  level: z.string(),
  minutes: z.number(),
  nodes: z.number(),
  steps: z.array(ScenarioStepViewSchema),
  /** Markdown shown before the first step, and once every step has passed (null: none). */
  intro: z.string().nullable(),
  finish: z.string().nullable(),
  /** Built in, installed by a workshop bundle, or installed in place of the built-in one. */
  origin: z.enum(['built-in', 'bundle', 'bundle-replacing-built-in']),
  /**
   * Authoring mode (`kubelab serve --scenarios-dir DIR --watch`): the catalogue is an
   * instructor's folder, watched; the UI shows `problems` and offers "Verify this step".
   */
  authoring: z.boolean(),
  /** Lint's errors and warnings (authoring mode only; elsewhere a broken scenario is not listed). */
  problems: z.array(ScenarioProblemSchema),
});
export type ScenarioView = z.infer<typeof ScenarioViewSchema>;

export const StepRefSchema = z
  .object({ lab: LabNameSchema, scenario: z.string().min(1), step: z.string().min(1) })
  .strict();

/** The outcome of one condition, in the words the learner sees. */
export const CheckResultSchema = z.object({
  type: CheckTypeSchema,
  passed: z.boolean(),
  /** What is expected, in words (the check's description, or one made from its fields). */
  description: z.string(),
  /** The expected value or state, short. */
  expected: z.string(),
  /** What the checker found instead (or the same, when it passed). */
  found: z.string(),
  /** The check's hint, shown when it fails. */
  hint: z.string().nullable(),
  /** A command the learner can run to see the same thing. */
  command: z.string(),
  /** Where to run `command`: a node's name, or null for any terminal with kubectl. */
  runIn: z.string().nullable(),
});

/** A lab that cannot answer a check: not the learner's mistake, and said so. */
export const ClusterProblemSchema = z.object({ message: z.string(), fix: z.string() });

export const StepCheckResultSchema = z.object({
  scenario: z.string(),
  step: z.string(),
  /** 0-based position of the step in the scenario. */
  index: z.number(),
  title: z.string(),
  /** True when every condition passed and the cluster had no problem. */
  passed: z.boolean(),
  /** Every condition, failed ones first. Empty when `clusterProblem` is set. */
  results: z.array(CheckResultSchema),
  clusterProblem: ClusterProblemSchema.nullable(),
  seconds: z.number(),
});
export type StepCheckView = z.infer<typeof StepCheckResultSchema>;

/** Per scenario: the ids of the steps passed, and hints revealed per step. */
export const ProgressViewSchema = z.record(
  z.string(),
  z.object({ passed: z.array(z.string()), hintsUsed: z.record(z.string(), z.number()) }),
);
export type ProgressView = z.infer<typeof ProgressViewSchema>;

/** A live value of a step's text: the lab's value, or why there is none yet (pod not created…). */
export const LiveValueSchema = z.union([
  z.object({ value: z.string() }).strict(),
  z.object({ missing: z.string() }).strict(),
]);
export type LiveValue = z.infer<typeof LiveValueSchema>;

/** Keyed by the placeholder exactly as the step's Markdown writes it, `{{pod:web.ip}}`. */
export const LiveValuesSchema = z.record(z.string(), LiveValueSchema);
export type LiveValues = z.infer<typeof LiveValuesSchema>;
