// The learner folders of a lab that Files may show: each node's home and /mnt, and the shared
// folder of dynamic PVs. A root id is what the UI sends ("worker1/mnt", "volumes"); nothing
// outside these folders is reachable.
import type { LabConfig } from '../lab/config.ts';
import { LabError } from '../api/errors.ts';

export interface FileRoot {
  /** "control-plane/home", "worker1/mnt", "volumes". */
  id: string;
  /** Folder on the learner's disk. */
  hostPath: string;
  /** Where the nodes see it. */
  nodePath: string;
  node: string | null;
}

export function fileRoots(config: LabConfig): FileRoot[] {
  const roots: FileRoot[] = [];
  for (const node of config.nodes) {
    roots.push({
      id: `${node.name}/home`,
      hostPath: node.hostDirs.home,
      nodePath: config.learnerHome,
      node: node.name,
    });
    roots.push({
      id: `${node.name}/mnt`,
      hostPath: node.hostDirs.mnt,
      nodePath: '/mnt',
      node: node.name,
    });
  }
  roots.push({
    id: 'volumes',
    hostPath: config.volumesDir,
    nodePath: config.volumesPathInNode,
    node: null,
  });
  return roots;
}

export function rootNamed(config: LabConfig, id: string): FileRoot {
  const root = fileRoots(config).find((candidate) => candidate.id === id);
  if (!root) {
    throw new LabError('NO_ROOT', `Lab "${config.name}" has no folder "${id}".`, {
      fix: `Its folders are: ${fileRoots(config)
        .map((r) => r.id)
        .join(', ')}.`,
    });
  }
  return root;
}
