// The first lab on a machine, on a registry volume of the bench's own, created empty and removed
// afterwards (the learner's registry is never emptied): first the workload images go into it the
// way `kubelab images build` and `kubelab bundle load` put them there as their last step
// (lab/registry-fill.ts; timed on its own), then a cold start — which should find nothing left
// to push.
import type Docker from 'dockerode';
import { LabError } from '../api/errors.ts';
import { REGISTRY_VOLUME_ENV } from '../lab/config.ts';
import { fillSharedRegistry } from '../lab/registry-fill.ts';
import { purgeLab, timedUp } from './lab-start.ts';
import type { StartSample } from './lab-start.ts';

/**
 * The fill of an empty registry volume, then a cold `nodes`-node start of a fresh `lab` on it;
 * the lab is purged and the volume removed.
 */
export async function timedFirstLab(
  client: Docker,
  lab: string,
  nodes: number,
  signal: AbortSignal,
): Promise<{ fillSeconds: number; start: StartSample }> {
  const volume = `kubelab-bench-registry-${process.pid}`;
  const before = process.env[REGISTRY_VOLUME_ENV];
  process.env[REGISTRY_VOLUME_ENV] = volume;
  try {
    await purgeLab(client, lab);
    const fill = await fillSharedRegistry(client, () => undefined);
    if (!fill.filled)
      throw new LabError(
        'IMAGE_MISSING',
        `The bench's empty registry was not filled: ${fill.why}.`,
        {
          fix: 'Run `kubelab images build`, then the bench again.',
        },
      );
    return { fillSeconds: fill.seconds, start: await timedUp(client, lab, nodes, 'cold', signal) };
  } finally {
    await purgeLab(client, lab).catch(() => undefined);
    if (before === undefined) delete process.env[REGISTRY_VOLUME_ENV];
    else process.env[REGISTRY_VOLUME_ENV] = before;
    // Created by the fill with the lab labels, so ours to remove.
    await client
      .getVolume(volume)
      .remove()
      .catch(() => undefined);
  }
}
