import { resolve } from 'node:path';
import type { VerbRun } from '../command.ts';
import { requireEngine } from '../../engine/docker.ts';
import { exportLogs } from '../../lab/export-logs.ts';
import { green, yellow } from '../output.ts';
import type { exportLogsFlags } from '../verbs/export.ts';
import { labName } from './lab-args.ts';

export const logs: VerbRun<typeof exportLogsFlags> = async ({ values, positionals }) => {
  const lab = labName(values.lab);
  const result = await exportLogs(await requireEngine(), lab, resolve(positionals[0]!));
  for (const skipped of result.skipped) console.error(yellow(`not exported: ${skipped}`));
  console.log(green(`${result.files} files of lab "${lab}" in ${result.dir}`));
  return 0;
};
