import { parseArgs } from 'node:util';
import type { CliCommand } from '../command.ts';
import { requireEngine } from '../../engine/docker.ts';
import { labConfig } from '../../lab/config.ts';
import { readState } from '../../lab/state.ts';
import { LabError } from '../../api/errors.ts';
import { runInteractive } from './interactive.ts';
import { labName, labOption } from './lab-args.ts';

/** The container of a lab's node, by node name (control-plane, worker1, worker2). */
export async function nodeContainer(
  lab: string,
  node: string,
): Promise<{ container: string; home: string }> {
  const state = await readState(lab);
  if (!state)
    throw new LabError('NO_LAB', `There is no lab "${lab}".`, {
      fix: `Start it with \`kubelab up --lab ${lab}\`.`,
    });
  const config = labConfig(lab, state.nodeCount, state.subnetIndex);
  const spec = config.nodes.find((candidate) => candidate.name === node);
  if (!spec) {
    throw new LabError('NO_NODE', `Lab "${lab}" has no node "${node}".`, {
      fix: `Its nodes are: ${config.nodes.map((n) => n.name).join(', ')}.`,
    });
  }
  return { container: spec.container, home: config.learnerHome };
}

export const exec: CliCommand = {
  name: 'exec',
  summary: 'run a command in a lab node',
  usage: 'exec [--lab NAME] NODE -- CMD…',
  run: async (args) => {
    const split = args.indexOf('--');
    if (split === -1) {
      console.error(`usage: kubelab ${exec.usage}`);
      return 2;
    }
    const { values, positionals } = parseArgs({
      args: args.slice(0, split),
      options: labOption,
      allowPositionals: true,
    });
    const [node] = positionals;
    if (!node) {
      console.error(`usage: kubelab ${exec.usage}`);
      return 2;
    }
    await requireEngine();
    const { container, home } = await nodeContainer(labName(values.lab), node);
    return runInteractive(container, args.slice(split + 1), home);
  },
};

export const shell: CliCommand = {
  name: 'shell',
  summary: 'a login shell in a lab node',
  usage: 'shell [--lab NAME] NODE',
  run: async (args) => {
    const { values, positionals } = parseArgs({ args, options: labOption, allowPositionals: true });
    await requireEngine();
    const { container, home } = await nodeContainer(
      labName(values.lab),
      positionals[0] ?? 'control-plane',
    );
    return runInteractive(container, ['bash', '-l'], home);
  },
};
