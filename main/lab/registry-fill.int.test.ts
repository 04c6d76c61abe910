// The last step of `kubelab images build` and `bundle load`, on a real engine: every built
// workload image into an empty registry volume of the test's own (the learner's is never
// touched), under each name the cluster pulls it by; asked again, it has nothing to do; and a
// lab start's own fallback push then finds nothing due.
import { describe, expect, it } from 'vitest';
import { docker } from '../engine/docker.ts';
import { IMAGE_CATALOG } from '../images/catalog.ts';
import { manifestDigest } from '../images/registry-http.ts';
import { useTempKubelabHome } from '../test-home.ts';
import { withOwnRegistryVolume } from './own-registry-volume.ts';
import { fillSharedRegistry } from './registry-fill.ts';
import { syncRegistry, withScratchRegistry } from './registry.ts';

const client = docker();
const VOLUME = `kubelab-test-registry-fill-${process.pid}`;

describe('fillSharedRegistry', () => {
  useTempKubelabHome('kubelab-registry-fill');

  it(
    'fills an empty registry volume once, so a lab start has nothing left to push',
    () =>
      withOwnRegistryVolume(client, VOLUME, async () => {
        const messages: string[] = [];
        const first = await fillSharedRegistry(client, (message) => messages.push(message));
        expect(first.filled).toBe(true);
        expect(messages.some((message) => message.startsWith('pushing '))).toBe(true);
        expect(await fillSharedRegistry(client, () => undefined)).toEqual({
          filled: false,
          why: 'already there',
        });

        const names = IMAGE_CATALOG.filter((spec) => spec.mirrored).flatMap((spec) =>
          spec.clusterNames.map((name) => name.replace(/^docker\.io\//, '').split(':')),
        );
        expect(names.length).toBeGreaterThan(5);
        const pushedByStart: string[] = [];
        await withScratchRegistry(client, async (base, port) => {
          for (const [repository, tag] of names)
            expect(
              await manifestDigest(base, repository!, tag!),
              `${repository}:${tag}`,
            ).not.toBeNull();
          await syncRegistry(client, port, [], (message) => pushedByStart.push(message));
        });
        expect(pushedByStart).toEqual([]);
      }),
    240_000,
  );
});
