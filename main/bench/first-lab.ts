// The first lab on a machine: a cold start whose registry holds none of the workload images, so
// it also pushes them all (in the background, beside node creation and kubeadm). Measured on a
// registry volume of the bench's own, created empty and removed afterwards — the learner's
// registry is never emptied.
import type Docker from 'dockerode';
import { REGISTRY_VOLUME_ENV } from '../lab/config.ts';
import { purgeLab, timedUp } from './lab-start.ts';
import type { StartSample } from './lab-start.ts';

/** A cold `nodes`-node start of a fresh `lab` on an empty registry volume; the lab is purged. */
export async function timedFirstLab(
  client: Docker,
  lab: string,
  nodes: number,
  signal: AbortSignal,
): Promise<StartSample> {
  const volume = `kubelab-bench-registry-${process.pid}`;
  const before = process.env[REGISTRY_VOLUME_ENV];
  process.env[REGISTRY_VOLUME_ENV] = volume;
  try {
    await purgeLab(client, lab);
    return await timedUp(client, lab, nodes, 'cold', signal);
  } finally {
    await purgeLab(client, lab).catch(() => undefined);
    if (before === undefined) delete process.env[REGISTRY_VOLUME_ENV];
    else process.env[REGISTRY_VOLUME_ENV] = before;
    // Created by the lab's registry with the lab labels, so ours to remove.
    await client
      .getVolume(volume)
      .remove()
      .catch(() => undefined);
  }
}
