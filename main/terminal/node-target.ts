// Which container a terminal on (lab, node) execs into, checked to be running first so the
// learner gets a clear error instead of a shell that dies at once.
import type Docker from 'dockerode';
import { LabError } from '../api/errors.ts';
import { nodeNamed } from '../lab/config.ts';
import { existingLabConfig } from '../lab/state.ts';

export interface NodeTarget {
  container: string;
  home: string;
}

export async function nodeTarget(client: Docker, lab: string, node: string): Promise<NodeTarget> {
  const config = await existingLabConfig(lab);
  const spec = nodeNamed(config, node);
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
