import { defineCommand } from '../command.ts';
import { JSON_FLAG, LAB_FLAG, SCENARIOS_DIR_FLAG } from './shared-flags.ts';

export const VERIFY_LAB = 'verify';

export const verifyFlags = {
  lab: { ...LAB_FLAG, default: VERIFY_LAB, description: 'the lab to verify on (it is reset)' },
  json: JSON_FLAG,
  'scenarios-dir': SCENARIOS_DIR_FLAG,
} as const;

export const verify = defineCommand({
  name: 'verify',
  summary: "self-test scenarios on a real lab: every step's checks and solution",
  flags: verifyFlags,
  positionals: [
    {
      name: 'SCENARIO',
      optional: true,
      variadic: true,
      description: 'the scenarios to verify (default: all)',
    },
  ],
  load: async () => (await import('../commands/verify.ts')).run,
});
