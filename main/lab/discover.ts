// Finds a lab's Docker objects by label — the only way kubelab decides what is its own.
import type Docker from 'dockerode';
import { LAB_LABEL, LAB_NAME_LABEL, LAB_ROLE_LABEL } from '../engine/labels.ts';
import { NODE_NAME_LABEL } from './labels.ts';

export interface FoundNode {
  name: string;
  id: string;
  container: string;
  running: boolean;
  state: string;
  image: string;
}

export async function findNodes(client: Docker, lab: string): Promise<Map<string, FoundNode>> {
  const containers = await client.listContainers({
    all: true,
    filters: { label: [LAB_LABEL, `${LAB_NAME_LABEL}=${lab}`, `${LAB_ROLE_LABEL}=node`] },
  });
  const nodes = new Map<string, FoundNode>();
  for (const container of containers) {
    const name = container.Labels[NODE_NAME_LABEL];
    if (!name) continue;
    nodes.set(name, {
      name,
      id: container.Id,
      container: (container.Names[0] ?? '').replace(/^\//, ''),
      running: container.State === 'running',
      state: container.State,
      image: container.Image,
    });
  }
  return nodes;
}

export async function labObjects(
  client: Docker,
  lab: string,
): Promise<{
  containers: Docker.ContainerInfo[];
  volumes: string[];
  networks: Docker.NetworkInspectInfo[];
}> {
  const filter = { label: [LAB_LABEL, `${LAB_NAME_LABEL}=${lab}`] };
  const containers = await client.listContainers({ all: true, filters: filter });
  const volumes = ((await client.listVolumes({ filters: filter })).Volumes ?? []).map(
    (volume) => volume.Name,
  );
  const networks = await client.listNetworks({ filters: filter });
  return { containers, volumes, networks };
}

/** Labs known on this engine (by label), for picking a free subnet and for `status`. */
export async function labNetworks(client: Docker): Promise<Docker.NetworkInspectInfo[]> {
  return client.listNetworks({ filters: { label: [LAB_LABEL, LAB_NAME_LABEL] } });
}
