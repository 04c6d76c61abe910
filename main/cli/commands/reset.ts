import type { VerbRun } from '../command.ts';
import { requireEngine } from '../../engine/docker.ts';
import { labReset } from '../../lab/reset.ts';
import { green } from '../output.ts';
import { existingLabConfig } from '../../lab/state.ts';
import { confirmDestructive } from '../confirm.ts';
import type { resetFlags } from '../verbs/reset.ts';
import { labName } from './lab-args.ts';
import { forgetProgress } from '../../learner/progress.ts';

export const run: VerbRun<typeof resetFlags> = async ({ values }) => {
  const lab = labName(values.lab);
  // No lab: nothing to ask about; labReset says NO_LAB with the fix.
  const config = await existingLabConfig(lab).catch(() => null);
  if (config) {
    const files = [...config.nodes.map((n) => n.hostDirs.mnt), config.volumesDir].join(', ');
    await confirmDestructive(
      `everything learners made in lab "${lab}" (pods, Services, claims, PVs, their namespaces)` +
        (values.data ? ` and every file in ${files}` : '') +
        (values.progress ? ', and the steps recorded as passed' : ''),
      `kubelab reset --lab ${lab}${values.data ? ' --data' : ''}${values.progress ? ' --progress' : ''}`,
      values.yes,
    );
  }
  const result = await labReset(await requireEngine(), lab, values.data);
  // After the objects: a reset that failed half-way leaves the record of what was done.
  if (values.progress) await forgetProgress(lab);
  console.log(
    green(
      `lab "${lab}" reset in ${result.seconds.toFixed(1)} s` +
        (values.data ? ' (data folders emptied)' : '') +
        (values.progress ? ' (progress forgotten)' : ''),
    ),
  );
  return 0;
};
