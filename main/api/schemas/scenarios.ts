import { z } from 'zod';

export const ScenarioStepViewSchema = z.object({
  id: z.string(),
  title: z.string(),
  /** The step's Markdown text. */
  markdown: z.string(),
  hints: z.array(z.string()),
});

export const ScenarioViewSchema = z.object({
  id: z.string(),
  title: z.string(),
  summary: z.string(),
  level: z.string(),
  minutes: z.number(),
  nodes: z.number(),
  steps: z.array(ScenarioStepViewSchema),
  /** Built in, installed by a workshop bundle, or installed in place of the built-in one. */
  origin: z.enum(['built-in', 'bundle', 'bundle-replacing-built-in']),
});
export type ScenarioView = z.infer<typeof ScenarioViewSchema>;

const labName = z
  .string()
  .regex(/^[a-z0-9]([a-z0-9-]{0,30}[a-z0-9])?$/)
  .default('default');

export const StepRefSchema = z
  .object({ lab: labName, scenario: z.string().min(1), step: z.string().min(1) })
  .strict();

export const CheckResultSchema = z.object({
  type: z.string(),
  passed: z.boolean(),
  description: z.string(),
  expected: z.string(),
  found: z.string(),
  hint: z.string().nullable(),
  command: z.string(),
  runIn: z.string().nullable(),
});

export const StepCheckResultSchema = z.object({
  scenario: z.string(),
  step: z.string(),
  index: z.number(),
  title: z.string(),
  passed: z.boolean(),
  results: z.array(CheckResultSchema),
  clusterProblem: z.object({ message: z.string(), fix: z.string() }).nullable(),
  seconds: z.number(),
});
export type StepCheckView = z.infer<typeof StepCheckResultSchema>;

/** Per scenario: the ids of the steps passed, and hints revealed per step. */
export const ProgressViewSchema = z.record(
  z.string(),
  z.object({ passed: z.array(z.string()), hintsUsed: z.record(z.string(), z.number()) }),
);
export type ProgressView = z.infer<typeof ProgressViewSchema>;
