// How many of a step's hints a learner sees: those revealed before, and with "one more" (the
// CLI's --hint) the next one. Pure; the count is recorded with recordHintsUsed (progress.ts).

export function hintsToShow(total: number, usedBefore: number, oneMore: boolean): number {
  return Math.min(total, usedBefore + (oneMore ? 1 : 0));
}
