// What the checker answers: one result per condition, and per step the results with the state
// of the cluster. Free of Node APIs; the shapes are the contract's (api/schemas/scenarios.ts).
import type { z } from 'zod';
import type {
  CheckResultSchema,
  ClusterProblemSchema,
  StepCheckResultSchema,
} from '../api/schemas/scenarios.ts';

// Declared once, as the contract's schemas: what the checker builds is what goes over the wire.
export type CheckResult = z.infer<typeof CheckResultSchema>;
export type ClusterProblem = z.infer<typeof ClusterProblemSchema>;
export type StepCheckResult = z.infer<typeof StepCheckResultSchema>;

/** What a pure judge decides about one observation. */
export interface Verdict {
  passed: boolean;
  expected: string;
  found: string;
}

/** Failed results first, otherwise in the order of the step's checks. */
export function failedFirst(results: readonly CheckResult[]): CheckResult[] {
  return [...results.filter((r) => !r.passed), ...results.filter((r) => r.passed)];
}
