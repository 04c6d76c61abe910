import type { VerbRun } from '../command.ts';
import { requireEngine } from '../../engine/docker.ts';
import { nodeNamed } from '../../lab/config.ts';
import { existingLabConfig } from '../../lab/state.ts';
import { runInteractive } from './interactive.ts';
import type { execFlags, shellFlags } from '../verbs/exec.ts';
import { labName } from './lab-args.ts';

/** The container of a lab's node, by node name (control-plane, worker1, worker2). */
export async function nodeContainer(
  lab: string,
  node: string,
): Promise<{ container: string; home: string }> {
  const config = await existingLabConfig(lab);
  return { container: nodeNamed(config, node).container, home: config.learnerHome };
}

export const runExec: VerbRun<typeof execFlags> = async ({ values, positionals, passthrough }) => {
  const lab = labName(values.lab);
  await requireEngine();
  const { container, home } = await nodeContainer(lab, positionals[0]!);
  return runInteractive(container, passthrough, home);
};

export const runShell: VerbRun<typeof shellFlags> = async ({ values, positionals }) => {
  const lab = labName(values.lab);
  await requireEngine();
  const { container, home } = await nodeContainer(lab, positionals[0] ?? 'control-plane');
  return runInteractive(container, ['bash', '-l'], home);
};
