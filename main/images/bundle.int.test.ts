// pack → delete → load on the real engine restores the very same images; damaged bundles are
// refused with nothing imported.
import { mkdtemp, open, rm, stat, truncate, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { docker } from '../engine/docker.ts';
import { buildImages } from './build.ts';
import { loadImages, packImages } from './bundle.ts';
import { imageRef } from './hash.ts';

const client = docker();
const names = ['busybox', 'debian'];
let dir: string;
let bundle: string;
const ids = new Map<string, string>();

async function removeImage(name: string): Promise<void> {
  const ref = await imageRef(name);
  await client
    .getImage(ref)
    .remove({ force: true })
    .catch(() => undefined);
  await client
    .getImage(`kubelab/${name}:latest`)
    .remove({ force: true })
    .catch(() => undefined);
}

beforeAll(async () => {
  await buildImages(client, names, () => undefined);
  for (const name of names)
    ids.set(name, (await client.getImage(await imageRef(name)).inspect()).Id);
  dir = await mkdtemp(join(tmpdir(), 'kubelab-bundle-test-'));
  bundle = join(dir, 'lab.kubelab');
  await packImages(client, names, bundle, () => undefined);
});
afterAll(async () => {
  await rm(dir, { recursive: true, force: true });
  // Leave the engine as a build would: images present.
  await buildImages(client, names, () => undefined);
});

describe('image bundles (real engine)', () => {
  it('round-trips pack → delete → load to identical image IDs', async () => {
    for (const name of names) await removeImage(name);
    const manifest = await loadImages(client, bundle, () => undefined);
    expect(manifest.images.map((image) => image.name)).toEqual(names);
    for (const name of names) {
      expect((await client.getImage(await imageRef(name)).inspect()).Id).toBe(ids.get(name));
    }
  });

  it('refuses a truncated bundle and imports nothing', async () => {
    const cut = join(dir, 'cut.kubelab');
    const { size } = await stat(bundle);
    const source = await open(bundle);
    const buffer = Buffer.alloc(Math.floor(size / 2));
    await source.read(buffer, 0, buffer.length, 0);
    await source.close();
    await writeFile(cut, buffer);
    await removeImage('busybox');
    await expect(loadImages(client, cut, () => undefined)).rejects.toMatchObject({
      code: 'BAD_BUNDLE',
    });
    await expect(client.getImage(await imageRef('busybox')).inspect()).rejects.toThrow();
  });

  it('refuses a corrupted bundle', async () => {
    const bad = join(dir, 'bad.kubelab');
    await writeFile(bad, await import('node:fs/promises').then((fs) => fs.readFile(bundle)));
    const handle = await open(bad, 'r+');
    await handle.write(Buffer.from('garbage!'), 0, 8, 4096);
    await handle.close();
    await expect(loadImages(client, bad, () => undefined)).rejects.toMatchObject({
      code: 'BAD_BUNDLE',
    });
  });

  it('refuses a file that is not a bundle at all', async () => {
    const junk = join(dir, 'junk.kubelab');
    await writeFile(junk, 'not a tar');
    await truncate(junk, 9);
    await expect(loadImages(client, junk, () => undefined)).rejects.toMatchObject({
      code: 'BAD_BUNDLE',
    });
  });
});
