// How much disk a lab's nodes take: the node image itself, and each node's /var volume (its
// containerd content store with the preloaded images, kubelet's and etcd's state).
import type Docker from 'dockerode';
import { LAB_LABEL, LAB_NAME_LABEL, LAB_ROLE_LABEL } from '../engine/labels.ts';
import { imageRef } from '../images/hash.ts';
import { nodeSh } from '../lab/node-exec.ts';

export async function nodeImageMiB(client: Docker): Promise<number> {
  const info = await client.getImage(await imageRef('node')).inspect();
  return info.Size / 1024 ** 2;
}

/** MiB in each node's /var (one file system: the node's volume), one sample per node. */
export async function nodeDiskMiB(client: Docker, lab: string): Promise<number[]> {
  const nodes = await client.listContainers({
    filters: {
      label: [LAB_LABEL, `${LAB_NAME_LABEL}=${lab}`, `${LAB_ROLE_LABEL}=node`],
      status: ['running'],
    },
  });
  if (!nodes.length) throw new Error(`lab "${lab}" has no running nodes to measure`);
  const sizes: number[] = [];
  for (const node of nodes) {
    const output = await nodeSh(client, node.Id, 'du -sxm /var | cut -f1');
    sizes.push(Number(output.trim()));
  }
  return sizes;
}
