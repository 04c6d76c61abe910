// Which labs have running node containers (by label, never by name): what the quit dialog
// offers to stop.
import type Docker from 'dockerode';
import { LAB_LABEL, LAB_NAME_LABEL, LAB_ROLE_LABEL } from '../engine/labels.ts';

/** Lab names with at least one running node, sorted; pure over `docker ps` answers. */
export function runningLabNames(containers: readonly Docker.ContainerInfo[]): string[] {
  const names = new Set<string>();
  for (const container of containers) {
    const lab = container.Labels[LAB_NAME_LABEL];
    if (container.State === 'running' && lab && container.Labels[LAB_ROLE_LABEL] === 'node') {
      names.add(lab);
    }
  }
  return [...names].sort();
}

export async function runningLabs(client: Docker): Promise<string[]> {
  const containers = await client.listContainers({
    filters: { label: [LAB_LABEL, `${LAB_ROLE_LABEL}=node`], status: ['running'] },
  });
  return runningLabNames(containers);
}
