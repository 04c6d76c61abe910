import type { VerbRun } from '../command.ts';
import { requireEngine } from '../../engine/docker.ts';
import { labSuspend } from '../../lab/suspend.ts';
import { green, humanBytes } from '../output.ts';
import type { suspendFlags } from '../verbs/suspend.ts';
import { labName } from './lab-args.ts';

export const run: VerbRun<typeof suspendFlags> = async ({ values }) => {
  const lab = labName(values.lab);
  const result = await labSuspend(await requireEngine(), lab);
  if (!result.suspended.length) {
    console.log(`lab "${lab}" has nothing running to suspend (kubelab up starts it)`);
    return 0;
  }
  console.log(
    green(
      `lab "${lab}" suspended in ${result.seconds.toFixed(1)} s: ${result.suspended.join(', ')}`,
    ),
  );
  const memory =
    result.memoryBytes === null ? 'its memory' : `${humanBytes(result.memoryBytes)} of memory`;
  console.log(
    `  it uses no CPU but keeps ${memory}; kubelab up --lab ${lab} resumes it in seconds, kubelab down --lab ${lab} frees the memory`,
  );
  return 0;
};
