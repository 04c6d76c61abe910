// A registry volume of the caller's own for the time of `work`, empty as on a machine where no
// lab ran yet: labs and the scratch registry serve it (config.ts registryVolume) while `work`
// runs, so the learner's shared volume is never emptied. The bench's first lab and the fill's
// test use it. Whoever used the volume created it with the lab labels, so it is ours to remove.
import type Docker from 'dockerode';
import { REGISTRY_VOLUME_ENV } from './config.ts';

/** Runs `work` with the registry volume `volume`, then puts the setting back and removes it. */
export async function withOwnRegistryVolume<T>(
  client: Docker,
  volume: string,
  work: () => Promise<T>,
): Promise<T> {
  const before = process.env[REGISTRY_VOLUME_ENV];
  process.env[REGISTRY_VOLUME_ENV] = volume;
  try {
    return await work();
  } finally {
    if (before === undefined) delete process.env[REGISTRY_VOLUME_ENV];
    else process.env[REGISTRY_VOLUME_ENV] = before;
    await client
      .getVolume(volume)
      .remove()
      .catch(() => undefined);
  }
}
