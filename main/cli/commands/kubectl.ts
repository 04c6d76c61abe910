import { parseArgs } from 'node:util';
import type { CliCommand } from '../command.ts';
import { requireEngine } from '../../engine/docker.ts';
import { controlPlane } from '../../lab/config.ts';
import { existingLabConfig } from '../../lab/state.ts';
import { runInteractive } from './interactive.ts';
import { labName, labOption } from './lab-args.ts';

/** The control-plane container of a lab that exists, or a clear error. */
export async function labControlPlane(lab: string): Promise<string> {
  return controlPlane(await existingLabConfig(lab)).container;
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
