import { defineCommand, defineGroup } from '../command.ts';
import { JSON_FLAG, SCENARIOS_DIR_FLAG } from './shared-flags.ts';

export const scenariosListFlags = { json: JSON_FLAG, 'scenarios-dir': SCENARIOS_DIR_FLAG } as const;
export const scenariosLintFlags = {};
export const scenariosImportFlags = {
  out: {
    type: 'string',
    value: 'DIR',
    description:
      'the scenario folder to create (its name is the id); default ./NAME, after the Killercoda folder',
  },
  json: {
    type: 'boolean',
    description: 'print the result, the report and lint’s findings as JSON',
  },
} as const;
export const scenariosNewFlags = {
  dir: {
    type: 'string',
    value: 'DIR',
    description: 'the folder to create the scenario folder in (default: the current folder)',
  },
} as const;

export const scenarios = defineGroup({
  name: 'scenarios',
  summary:
    'list the guided scenarios; `lint DIR…` checks scenario folders, `new ID` starts one, `import DIR` converts a Killercoda scenario',
  own: defineCommand({
    name: 'scenarios',
    summary: 'list the guided scenarios',
    flags: scenariosListFlags,
    load: async () => (await import('../commands/scenarios.ts')).list,
  }),
  subcommands: [
    defineCommand({
      name: 'lint',
      summary: 'check scenario folders without a cluster, with exact messages',
      flags: scenariosLintFlags,
      positionals: [
        {
          name: 'DIR',
          variadic: true,
          completes: 'dir',
          description: 'a scenario folder, or a folder of them',
        },
      ],
      load: async () => (await import('../commands/scenarios.ts')).lint,
    }),
    defineCommand({
      name: 'new',
      summary: 'start a scenario folder: scenario.yaml with one commented step, and its text',
      flags: scenariosNewFlags,
      positionals: [{ name: 'ID', description: 'the scenario id and folder name, kebab-case' }],
      load: async () => (await import('../commands/scenarios-new.ts')).scenariosNew,
    }),
    defineCommand({
      name: 'import',
      summary: 'convert a Killercoda scenario folder into a kubelab scenario folder, with a report',
      flags: scenariosImportFlags,
      positionals: [
        {
          name: 'KILLERCODA_DIR',
          completes: 'dir',
          description: 'a Killercoda scenario folder (the one holding index.json)',
        },
      ],
      load: async () => (await import('../commands/scenarios-import.ts')).scenariosImport,
    }),
  ],
});
