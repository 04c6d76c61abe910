// Which Files root and relative path show a folder of the learner's disk (the PV → folder link of
// Topology names a host path; Files speaks in roots such as "worker1/mnt").
import type { FileRootView } from '../../../main/api/schemas/files.ts';

export interface FileLocation {
  root: string;
  path: string;
}

export function locateHostFolder(roots: FileRootView[], hostFolder: string): FileLocation | null {
  // Longest root first, so a nested root would win over its parent.
  const sorted = [...roots].sort((a, b) => b.hostPath.length - a.hostPath.length);
  for (const root of sorted) {
    const base = root.hostPath.replace(/[/\\]+$/, '');
    if (hostFolder === base) return { root: root.id, path: '' };
    for (const sep of ['/', '\\']) {
      if (hostFolder.startsWith(base + sep)) {
        return { root: root.id, path: hostFolder.slice(base.length + 1).replaceAll('\\', '/') };
      }
    }
  }
  return null;
}

/** "data/web/index.html" → ["", "data", "data/web", "data/web/index.html"] with names. */
export function breadcrumbs(path: string): Array<{ name: string; path: string }> {
  const parts = path.split('/').filter(Boolean);
  return parts.map((name, i) => ({ name, path: parts.slice(0, i + 1).join('/') }));
}

export function joinPath(folder: string, name: string): string {
  return folder ? `${folder}/${name}` : name;
}

export function formatSize(bytes: number): string {
  if (bytes < 1024) return `${bytes} B`;
  if (bytes < 1024 * 1024) return `${(bytes / 1024).toFixed(1)} KiB`;
  return `${(bytes / 1024 / 1024).toFixed(1)} MiB`;
}
