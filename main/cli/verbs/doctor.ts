import { defineCommand } from '../command.ts';
import { JSON_FLAG } from './shared-flags.ts';

export const doctorFlags = { json: JSON_FLAG } as const;

export const doctor = defineCommand({
  name: 'doctor',
  summary: 'check this machine can run a lab, with the fix for each problem',
  flags: doctorFlags,
  load: async () => (await import('../commands/doctor.ts')).run,
});
