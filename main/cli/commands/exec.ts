import { parseArgs } from 'node:util';
import type { CliCommand } from '../command.ts';
import { requireEngine } from '../../engine/docker.ts';
import { nodeNamed } from '../../lab/config.ts';
import { existingLabConfig } from '../../lab/state.ts';
import { runInteractive } from './interactive.ts';
import { labName, labOption } from './lab-args.ts';

/** The container of a lab's node, by node name (control-plane, worker1, worker2). */
export async function nodeContainer(
  lab: string,
  node: string,
): Promise<{ container: string; home: string }> {
  const config = await existingLabConfig(lab);
  return { container: nodeNamed(config, node).container, home: config.learnerHome };
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
