// A workshop bundle carries images added to the lab registry (`kubelab images add`), on the real
// engine and registry: an image of the instructor's under another registry's name goes in by
// name and digest, and a load on a learner's machine (its own KUBELAB_HOME) pushes the same
// digest into the lab registry and records it, so lint and the nodes' mirror entries know it.
// (A pod running it after a load on a second engine is scripts/clean-engine-proof.sh's part.)
import { mkdtemp, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { docker } from '../engine/docker.ts';
import { readAddedImages } from '../images/added.ts';
import { buildImages } from '../images/build.ts';
import { imageRef } from '../images/hash.ts';
import { addImages } from '../lab/images-add.ts';
import { createWorkshopBundle } from './create.ts';
import { readBundleManifest } from './inspect.ts';
import { loadWorkshopBundle } from './load.ts';

const client = docker();
const NAME = 'example.org/kubelab-bundle-test/tool:1.0';
const trustAll = (): Promise<boolean> => Promise.resolve(true);
let dir: string;
let previousHome: string | undefined;
let digest: string;

beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), 'kubelab-bundle-added-'));
  previousHome = process.env.KUBELAB_HOME;
  process.env.KUBELAB_HOME = join(dir, 'instructor');
  await buildImages(client, ['busybox', 'registry'], () => undefined);
  // The instructor's own image: busybox under another registry's name, added, then untagged, so
  // only the lab registry holds it under that name.
  const [repo, tag] = [NAME.slice(0, NAME.lastIndexOf(':')), NAME.slice(NAME.lastIndexOf(':') + 1)];
  await client.getImage(await imageRef('busybox')).tag({ repo, tag });
  const added = await addImages(client, NAME, undefined, () => undefined);
  await client.getImage(NAME).remove();
  digest = added.added[0]!.digest;
});

afterAll(async () => {
  if (previousHome === undefined) delete process.env.KUBELAB_HOME;
  else process.env.KUBELAB_HOME = previousHome;
  await rm(dir, { recursive: true, force: true });
});

describe('added images in a workshop bundle (real engine and registry)', () => {
  const bundle = (): string => join(dir, 'with-added.kubelab');

  it('carries them by name and digest, in an entry of their own', async () => {
    await createWorkshopBundle(client, bundle(), {
      images: ['busybox'],
      scenarios: [],
      addedImages: await readAddedImages(),
    });
    const manifest = await readBundleManifest(bundle());
    expect(manifest.addedImages).toEqual([{ name: NAME, digest }]);
    expect(manifest.entries.map((entry) => entry.path)).toContain('registry-images.tar');
  });

  it("loads them into the learner's lab registry: the same digest, recorded as from the bundle", async () => {
    process.env.KUBELAB_HOME = join(dir, 'learner');
    expect(await readAddedImages()).toEqual([]);
    const phases: string[] = [];
    await loadWorkshopBundle(client, bundle(), {
      decideTrust: trustAll,
      onProgress: (_phase, _percent, message) => phases.push(message),
    });
    expect(phases).toContain('pushing the added images into the lab registry');
    expect(await readAddedImages()).toMatchObject([
      { name: NAME, host: 'example.org', digest, source: 'bundle with-added.kubelab' },
    ]);
    // What lint and the mirror entries read.
    expect(await readFile(join(dir, 'learner', 'registry-added.json'), 'utf8')).toContain(NAME);
  });
});
