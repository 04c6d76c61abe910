// What the checker answers: one result per condition, and per step the results with the state
// of the cluster. Free of Node APIs, so the UI can share the types.
import type { CheckType } from '../scenarios/schema.ts';

/** The outcome of one condition, in the words the learner sees. */
export interface CheckResult {
  type: CheckType;
  passed: boolean;
  /** What is expected, in words (the check's description, or one made from its fields). */
  description: string;
  /** The expected value or state, short. */
  expected: string;
  /** What the checker found instead (or the same, when it passed). */
  found: string;
  /** The check's hint, shown when it fails. */
  hint: string | null;
  /** A command the learner can run to see the same thing. */
  command: string;
  /** Where to run `command`: a node's name, or null for any terminal with kubectl. */
  runIn: string | null;
}

/** A lab that cannot answer a check: not the learner's mistake, and said so. */
export interface ClusterProblem {
  message: string;
  fix: string;
}

export interface StepCheckResult {
  scenario: string;
  step: string;
  /** 0-based position of the step in the scenario. */
  index: number;
  title: string;
  /** True when every condition passed and the cluster had no problem. */
  passed: boolean;
  /** Every condition, failed ones first. Empty when `clusterProblem` is set. */
  results: CheckResult[];
  clusterProblem: ClusterProblem | null;
  seconds: number;
}

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
