// What is wrong with a scenario, precisely enough to fix it: file, field path, line and column.
// The loader and lint produce it; authoring mode shows it in the step pane.
import { z } from 'zod';

export const ScenarioProblemSchema = z.object({
  severity: z.enum(['error', 'warning']),
  /** The file at fault, as the loader was pointed at it (folder + relative path). */
  file: z.string(),
  /** The field, e.g. `steps[2].checks[0].type`; absent for whole-file problems. */
  path: z.string().optional(),
  /** 1-based, when the YAML parser could place the field. */
  line: z.number().int().optional(),
  column: z.number().int().optional(),
  message: z.string(),
});
export type ScenarioProblem = z.infer<typeof ScenarioProblemSchema>;
