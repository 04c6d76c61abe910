import { defineCommand } from '../command.ts';
import { LAB_FLAG } from './shared-flags.ts';

export const reportFlags = {
  lab: LAB_FLAG,
  json: { type: 'boolean', description: 'also print the report’s JSON on stdout' },
} as const;

export const report = defineCommand({
  name: 'report',
  summary: 'a lab’s progress report for an instructor: FILE (HTML) and the same name with .json',
  flags: reportFlags,
  positionals: [
    {
      name: 'FILE',
      completes: 'file',
      description: 'the HTML page to write (replaced if there); the JSON goes beside it',
    },
  ],
  load: async () => (await import('../commands/report.ts')).run,
});
