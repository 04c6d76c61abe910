import { parseArgs } from 'node:util';
import type { CliCommand } from '../command.ts';
import { requireEngine } from '../../engine/docker.ts';
import { controlPlane, labConfig } from '../../lab/config.ts';
import { readState } from '../../lab/state.ts';
import { LabError } from '../../api/errors.ts';
import { runInteractive } from './interactive.ts';
import { labName, labOption } from './lab-args.ts';

/** The control-plane container of a lab that exists, or a clear error. */
export async function labControlPlane(lab: string): Promise<string> {
  const state = await readState(lab);
  if (!state)
    throw new LabError('NO_LAB', `There is no lab "${lab}".`, {
      fix: `Start it with \`kubelab up --lab ${lab}\`.`,
    });
  return controlPlane(labConfig(lab, state.nodeCount, state.subnetIndex)).container;
}

export const kubectl: CliCommand = {
  name: 'kubectl',
  summary: 'kubectl against a lab (runs inside its control-plane node)',
  usage: 'kubectl [--lab NAME] -- ARGS…',
  run: async (args) => {
    const split = args.indexOf('--');
    const own = split === -1 ? [] : args.slice(0, split);
    const rest = split === -1 ? args : args.slice(split + 1);
    const { values } = parseArgs({ args: own, options: labOption });
    await requireEngine();
    const container = await labControlPlane(labName(values.lab));
    return runInteractive(container, ['kubectl', ...rest]);
  },
};
