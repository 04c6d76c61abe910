// The workload images go into the shared registry volume when they arrive on the machine — at
// the end of `kubelab images build` (beside the long Go compile of a cold build) and of `kubelab
// bundle load` — through a scratch registry of their own, so a learner's first lab finds them
// there and pushes nothing. A lab start keeps the same push as its fallback (registry.ts
// syncRegistry): images built by an older kubelab, or a fill that failed, are pushed then.
import type Docker from 'dockerode';
import { registryVolume } from './config.ts';
import { missingImages, workloadImageNames } from './images-check.ts';
import { recordedAsPushed, syncRegistry, withScratchRegistry } from './registry.ts';

export type FillOutcome =
  { filled: true; seconds: number } | { filled: false; why: 'no registry image' | 'already there' };

/** Fills the shared registry with every built workload image it lacks; see the header. */
export async function fillSharedRegistry(
  client: Docker,
  onProgress: (message: string) => void,
): Promise<FillOutcome> {
  if ((await missingImages(client, ['registry'])).length)
    return { filled: false, why: 'no registry image' };
  const notBuilt = await missingImages(client, workloadImageNames());
  // The record alone would miss a volume removed since (a purge with --data): ask for it too.
  const volumeThere = await client
    .getVolume(registryVolume())
    .inspect()
    .then(
      () => true,
      () => false,
    );
  if (volumeThere && (await recordedAsPushed(notBuilt)))
    return { filled: false, why: 'already there' };
  const started = Date.now();
  await withScratchRegistry(client, (_base, port) =>
    syncRegistry(client, port, notBuilt, onProgress),
  );
  return { filled: true, seconds: (Date.now() - started) / 1000 };
}
