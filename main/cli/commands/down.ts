import { parseArgs } from 'node:util';
import type { CliCommand } from '../command.ts';
import { requireEngine } from '../../engine/docker.ts';
import { labDown } from '../../lab/down.ts';
import { labDir } from '../../lab/config.ts';
import { labName, labOption } from './lab-args.ts';

export const down: CliCommand = {
  name: 'down',
  summary: 'stop a lab (warm start later) or --purge it',
  usage: 'down [--lab NAME] [--purge [--data]]',
  run: async (args) => {
    const { values } = parseArgs({
      args,
      options: {
        ...labOption,
        purge: { type: 'boolean', default: false },
        data: { type: 'boolean', default: false },
      },
    });
    const lab = labName(values.lab);
    const result = await labDown(await requireEngine(), {
      lab,
      purge: values.purge,
      data: values.data,
    });
    if (result.stopped.length) console.log(`stopped: ${result.stopped.join(', ')}`);
    if (result.removed.length) console.log(`removed: ${result.removed.join(', ')}`);
    if (!result.stopped.length && !result.removed.length)
      console.log(`lab "${lab}" has nothing running`);
    if (values.purge && !result.dataDeleted)
      console.log(`learner data kept in ${labDir(lab)} (delete it with --purge --data)`);
    return 0;
  },
};
