// Where a path inside a node lives on the learner's disk, for the folders kubelab bind-mounts.
import { join, relative } from 'node:path/posix';
import type { LabConfig } from '../config.ts';

export function hostFolderOf(
  config: LabConfig,
  nodeName: string | null,
  path: string,
): string | null {
  const inside = (root: string): string | null => {
    const rest = relative(root, path);
    return rest.startsWith('..') ? null : rest;
  };
  const shared = inside(config.volumesPathInNode);
  if (shared !== null) return join(config.volumesDir, shared);
  const node = config.nodes.find((candidate) => candidate.name === nodeName);
  if (!node) return null;
  const mnt = inside('/mnt');
  if (mnt !== null) return join(node.hostDirs.mnt, mnt);
  const home = inside(config.learnerHome);
  if (home !== null) return join(node.hostDirs.home, home);
  return null;
}
