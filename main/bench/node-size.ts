// How much disk a lab's nodes take: the node image itself (shared by every node), and what each
// node adds on top: its /var volume (unpacked layers, kubelet's and etcd's state) plus the
// container's writable layer (blobs pulled from the lab registry land there, beside the
// preloaded ones the image holds).
import type Docker from 'dockerode';
import { LAB_LABEL, LAB_NAME_LABEL, LAB_ROLE_LABEL } from '../engine/labels.ts';
import { imageRef } from '../images/hash.ts';
import { nodeSh } from '../lab/node-exec.ts';

export async function nodeImageMiB(client: Docker): Promise<number> {
  const info = await client.getImage(await imageRef('node')).inspect();
  return info.Size / 1024 ** 2;
}

/** MiB each node adds to the image: its /var volume plus its writable layer, one sample per node. */
export async function nodeDiskMiB(client: Docker, lab: string): Promise<number[]> {
  const nodes = await client.listContainers({
    size: true,
    filters: {
      label: [LAB_LABEL, `${LAB_NAME_LABEL}=${lab}`, `${LAB_ROLE_LABEL}=node`],
      status: ['running'],
    },
  });
  if (!nodes.length) throw new Error(`lab "${lab}" has no running nodes to measure`);
  const sizes: number[] = [];
  for (const node of nodes) {
    // -x: only the volume's own file system (the bind-mounted preloaded store is the image's).
    const varMiB = Number((await nodeSh(client, node.Id, 'du -sxm /var | cut -f1')).trim());
    // The engine reports SizeRw when asked (size: true); dockerode's types leave it out.
    const writable = (node as Docker.ContainerInfo & { SizeRw?: number }).SizeRw ?? 0;
    sizes.push(varMiB + writable / 1024 ** 2);
  }
  return sizes;
}
