import { z } from 'zod';

export const ScenarioStepViewSchema = z.object({
  id: z.string(),
  title: z.string(),
  /** The step's Markdown text. */
  markdown: z.string(),
});

export const ScenarioViewSchema = z.object({
  id: z.string(),
  title: z.string(),
  summary: z.string(),
  level: z.string(),
  minutes: z.number(),
  nodes: z.number(),
  steps: z.array(ScenarioStepViewSchema),
});
export type ScenarioView = z.infer<typeof ScenarioViewSchema>;
