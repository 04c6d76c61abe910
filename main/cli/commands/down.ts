import type { VerbRun } from '../command.ts';
import { requireEngine } from '../../engine/docker.ts';
import { labDown } from '../../lab/down.ts';
import { labDir } from '../../lab/config.ts';
import { confirmDestructive } from '../confirm.ts';
import type { downFlags } from '../verbs/down.ts';
import { labName } from './lab-args.ts';

export const run: VerbRun<typeof downFlags> = async ({ values }) => {
  const lab = labName(values.lab);
  // A plain stop loses nothing (warm start later); --purge removes the cluster's state.
  if (values.purge) {
    await confirmDestructive(
      `lab "${lab}": its node containers, volumes and network, with every Kubernetes object in it` +
        (values.data ? `, and the learner's files in ${labDir(lab)}` : ''),
      `kubelab down --lab ${lab} --purge${values.data ? ' --data' : ''}`,
      values.yes,
    );
  }
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
};
