import type { VerbRun } from '../command.ts';
import { requireEngine } from '../../engine/docker.ts';
import { controlPlane } from '../../lab/config.ts';
import { existingLabConfig } from '../../lab/state.ts';
import { runInteractive } from './interactive.ts';
import type { kubectlFlags } from '../verbs/kubectl.ts';
import { labName } from './lab-args.ts';

/** The control-plane container of a lab that exists, or a clear error. */
export async function labControlPlane(lab: string): Promise<string> {
  return controlPlane(await existingLabConfig(lab)).container;
}

export const run: VerbRun<typeof kubectlFlags> = async ({ values, passthrough }) => {
  const lab = labName(values.lab);
  await requireEngine();
  const container = await labControlPlane(lab);
  return runInteractive(container, ['kubectl', ...passthrough]);
};
