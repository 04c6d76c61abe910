// What a drill must never leave behind: a Docker object without the lab label. The ids present
// before a drill are its baseline; anything unlabelled that appears afterwards is reported.
import type Docker from 'dockerode';
import { LAB_LABEL } from '../engine/labels.ts';

export type Snapshot = Set<string>;

export async function unlabelledObjects(client: Docker): Promise<Snapshot> {
  const [containers, volumes, networks] = await Promise.all([
    client.listContainers({ all: true }),
    client.listVolumes(),
    client.listNetworks(),
  ]);
  const ids = new Set<string>();
  for (const c of containers)
    if (!c.Labels?.[LAB_LABEL]) ids.add(`container ${c.Names[0] ?? c.Id}`);
  for (const v of volumes.Volumes ?? []) if (!v.Labels?.[LAB_LABEL]) ids.add(`volume ${v.Name}`);
  for (const n of networks) if (!n.Labels?.[LAB_LABEL]) ids.add(`network ${n.Name}`);
  return ids;
}

export function appeared(before: Snapshot, after: Snapshot): string[] {
  return [...after].filter((id) => !before.has(id));
}
