import { defineCommand } from '../command.ts';

export const helpFlags = {};

export const help = defineCommand({
  name: 'help',
  summary: 'show this list, or one verb’s usage and flags',
  flags: helpFlags,
  positionals: [
    { name: 'VERB', optional: true, completes: 'verb', description: 'the verb to explain' },
    {
      name: 'SUB-VERB',
      optional: true,
      description: 'one of its sub-verbs (images, bundle, scenarios)',
    },
  ],
  load: async () => (await import('../commands/help.ts')).run,
});
