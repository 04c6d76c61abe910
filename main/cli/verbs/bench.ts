import { defineCommand } from '../command.ts';

export const benchFlags = {
  json: { type: 'boolean', description: 'print the JSON report instead of the table' },
  runs: { type: 'string', value: 'N', default: '3', description: 'runs per figure, 1 to 20' },
  only: { type: 'string', value: 'FIGURE,…', description: 'measure only these figures' },
  'lab-prefix': {
    type: 'string',
    value: 'NAME',
    default: 'bench',
    description: 'name of the labs the bench creates and removes (-cold1, -cold3 added)',
  },
  out: {
    type: 'string',
    value: 'FILE',
    description: 'write the JSON report here (default: ~/.kubelab/bench/latest.json)',
  },
  'build-log': {
    type: 'string',
    value: 'FILE',
    multiple: true,
    description: 'a `kubelab images build` log to read image build times from (repeatable)',
  },
} as const;

export const bench = defineCommand({
  name: 'bench',
  summary:
    'measure starts, reset, check, terminal echo, memory and image figures against their targets (JSON: ~/.kubelab/bench/latest.json, or --out FILE)',
  flags: benchFlags,
  load: async () => (await import('../commands/bench.ts')).run,
});
