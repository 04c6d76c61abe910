// `kubelab suspend`: freeze a lab's node containers (docker pause: the cgroup freezer), so it
// uses no CPU while its memory stays as it was; `kubelab up` thaws it in seconds. A full stop
// (`down`) frees the memory but costs a warm start.
import type Docker from 'dockerode';
import { findNodes } from './discover.ts';
import { withLabLock } from './lock.ts';
import { existingLabConfig } from './state.ts';

export interface SuspendResult {
  suspended: string[];
  /** Nodes that were not running (stopped or already paused): nothing to freeze. */
  skipped: string[];
  /** What the frozen containers keep holding, summed from `docker stats` (null if unknown). */
  memoryBytes: number | null;
  seconds: number;
}

async function memoryOf(client: Docker, id: string): Promise<number | null> {
  const stats = (await client
    .getContainer(id)
    .stats({ stream: false })
    .catch(() => null)) as { memory_stats?: { usage?: number } } | null;
  return stats?.memory_stats?.usage ?? null;
}

export async function labSuspend(client: Docker, lab: string): Promise<SuspendResult> {
  await existingLabConfig(lab); // NO_LAB, with the command that creates it
  return withLabLock(lab, 'kubelab suspend', async () => {
    const started = Date.now();
    const nodes = [...(await findNodes(client, lab)).values()];
    const running = nodes.filter((node) => node.running);
    const memory = await Promise.all(running.map((node) => memoryOf(client, node.id)));
    await Promise.all(running.map((node) => client.getContainer(node.id).pause()));
    return {
      suspended: running.map((node) => node.name),
      skipped: nodes.filter((node) => !node.running).map((node) => node.name),
      memoryBytes: memory.every((bytes) => bytes !== null)
        ? memory.reduce<number>((sum, bytes) => sum + (bytes ?? 0), 0)
        : null,
      seconds: (Date.now() - started) / 1000,
    };
  });
}
