// The first lab on a machine, on a registry volume of the bench's own, created empty and removed
// afterwards (the learner's registry is never emptied): first the workload images go into it the
// way `kubelab images build` and `kubelab bundle load` put them there as their last step
// (lab/registry-fill.ts; timed on its own), then a cold start — which should find nothing left
// to push.
import type Docker from 'dockerode';
import { LabError } from '../api/errors.ts';
import { withOwnRegistryVolume } from '../lab/own-registry-volume.ts';
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
  // The lab goes before its volume: its registry container holds the volume while it exists.
  return withOwnRegistryVolume(client, `kubelab-bench-registry-${process.pid}`, async () => {
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
      return {
        fillSeconds: fill.seconds,
        start: await timedUp(client, lab, nodes, 'cold', signal),
      };
    } finally {
      await purgeLab(client, lab).catch(() => undefined);
    }
  });
}
