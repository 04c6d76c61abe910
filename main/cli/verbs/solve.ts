import { defineCommand } from '../command.ts';
import { SCENARIO_STEP } from './check.ts';
import { LAB_FLAG, SCENARIOS_DIR_FLAG } from './shared-flags.ts';

export const solveFlags = { lab: LAB_FLAG, 'scenarios-dir': SCENARIOS_DIR_FLAG } as const;

export const solve = defineCommand({
  name: 'solve',
  summary: "run a step's solution (with STEP: every step up to it)",
  flags: solveFlags,
  positionals: SCENARIO_STEP,
  load: async () => (await import('../commands/solve.ts')).run,
});
