import { parseArgs } from 'node:util';
import type { CliCommand } from '../command.ts';
import { requireEngine } from '../../engine/docker.ts';
import { labReset } from '../../lab/reset.ts';
import { green } from '../output.ts';
import { labName, labOption } from './lab-args.ts';

export const reset: CliCommand = {
  name: 'reset',
  summary: 'remove everything learners made (--data: also their hostPath/PV folders)',
  usage: 'reset [--lab NAME] [--data]',
  run: async (args) => {
    const { values } = parseArgs({
      args,
      options: { ...labOption, data: { type: 'boolean', default: false } },
    });
    const lab = labName(values.lab);
    const result = await labReset(await requireEngine(), lab, values.data);
    console.log(
      green(
        `lab "${lab}" reset in ${result.seconds.toFixed(1)} s${values.data ? ' (data folders emptied)' : ''}`,
      ),
    );
    return 0;
  },
};
