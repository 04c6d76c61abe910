// Which container a terminal on (lab, node) execs into, checked to be running first so the
// learner gets a clear error instead of a shell that dies at once.
import type Docker from 'dockerode';
import { LabError } from '../api/errors.ts';
import { labConfig } from '../lab/config.ts';
import { readState } from '../lab/state.ts';

export interface NodeTarget {
  container: string;
  home: string;
}

export async function nodeTarget(client: Docker, lab: string, node: string): Promise<NodeTarget> {
  const state = await readState(lab);
  if (!state) {
    throw new LabError('NO_LAB', `There is no lab "${lab}".`, {
      fix: `Start it on the Home screen, or with \`kubelab up --lab ${lab}\`.`,
    });
  }
  const config = labConfig(lab, state.nodeCount, state.subnetIndex);
  const spec = config.nodes.find((candidate) => candidate.name === node);
  if (!spec) {
    throw new LabError('NO_NODE', `Lab "${lab}" has no node "${node}".`, {
      fix: `Its nodes are: ${config.nodes.map((n) => n.name).join(', ')}.`,
    });
  }
  let running: boolean;
  try {
    running = (await client.getContainer(spec.container).inspect()).State.Running;
  } catch {
    running = false;
  }
  if (!running) {
    throw new LabError('NODE_NOT_RUNNING', `Node "${node}" of lab "${lab}" is not running.`, {
      fix: `Start the lab on the Home screen, or with \`kubelab up --lab ${lab}\`.`,
    });
  }
  return { container: spec.container, home: config.learnerHome };
}
