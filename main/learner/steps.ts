// Which steps a learner's check or solve acts on, from where the learner is (the first step not
// passed yet, or null once all have passed) and the step they named (or null). Pure.

/**
 * The steps `solve` runs: from the current step through the target (skip ahead). Without a
 * target, the current step; a target already behind the learner is solved on its own.
 */
export function stepsToSolve(current: number | null, target: number | null): number[] {
  if (target === null) return current === null ? [] : [current];
  const from = current === null || current > target ? target : current;
  return Array.from({ length: target - from + 1 }, (_, i) => from + i);
}

/**
 * The steps `check` checks: the named one; else the current one; else, once every step has
 * passed, all of them again (so a finished scenario can be re-checked as a whole).
 */
export function stepsToCheck(
  current: number | null,
  target: number | null,
  total: number,
): number[] {
  if (target !== null) return [target];
  if (current !== null) return [current];
  return Array.from({ length: total }, (_, i) => i);
}
