// The progress file moved to the learner module (main/learner/progress.ts), its one writer. These
// names stay importable from here only for e2e/fixtures.ts and drills/drills.ts, which seed and
// inspect it outside this change; point them at main/learner/progress.ts and delete this file.
export { markStepPassed, progressFile, readProgress } from '../learner/progress.ts';
