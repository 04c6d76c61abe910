// Memory of a lab: one-shot `docker stats` of every container carrying the lab's label (nodes and
// the lab's registry), summed. On cgroup v1 each node's pods are charged to its own container
// (kubelet runs with --cgroup-root under it), so this includes the pods.
import type Docker from 'dockerode';
import { LAB_LABEL, LAB_NAME_LABEL } from '../engine/labels.ts';

interface MemoryStats {
  usage?: number;
  stats?: { total_inactive_file?: number; inactive_file?: number };
}

/** What `docker stats` shows as MEM USAGE: usage minus the inactive page cache. */
export function workingSetBytes(memory: MemoryStats): number {
  const usage = memory.usage ?? 0;
  const inactive = memory.stats?.total_inactive_file ?? memory.stats?.inactive_file ?? 0;
  return Math.max(0, usage - inactive);
}

export async function labMemoryMiB(
  client: Docker,
  lab: string,
): Promise<{ mib: number; containers: number }> {
  const containers = await client.listContainers({
    filters: { label: [LAB_LABEL, `${LAB_NAME_LABEL}=${lab}`], status: ['running'] },
  });
  if (!containers.length) throw new Error(`lab "${lab}" has no running containers to measure`);
  let bytes = 0;
  for (const container of containers) {
    const stats = (await client.getContainer(container.Id).stats({ stream: false })) as {
      memory_stats?: MemoryStats;
    };
    bytes += workingSetBytes(stats.memory_stats ?? {});
  }
  return { mib: bytes / 1024 ** 2, containers: containers.length };
}
