import { defineCommand } from '../command.ts';
import type { PositionalSpec } from '../command.ts';
import { JSON_FLAG, LAB_FLAG, SCENARIOS_DIR_FLAG } from './shared-flags.ts';

export const checkFlags = {
  lab: LAB_FLAG,
  json: JSON_FLAG,
  hint: { type: 'boolean', description: 'reveal one more hint for a step that is not done' },
  'scenarios-dir': SCENARIOS_DIR_FLAG,
} as const;

export const SCENARIO_STEP: readonly PositionalSpec[] = [
  { name: 'SCENARIO', description: 'the scenario’s id (see `kubelab scenarios`)' },
  {
    name: 'STEP',
    optional: true,
    description: 'a step’s id or number (default: the current step)',
  },
];

export const check = defineCommand({
  name: 'check',
  summary: "check a scenario step (default: the current one) and say what's missing",
  flags: checkFlags,
  positionals: SCENARIO_STEP,
  load: async () => (await import('../commands/check.ts')).run,
});
