// Workshop bundle on the real engine: create (busybox + one scenario) → remove the image → load
// restores the very same image ID and installs the scenario into the catalogue; a corrupted
// byte, a truncated file and another architecture are each refused with nothing imported.
import { mkdtemp, open, readdir, rm, stat, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { docker } from '../engine/docker.ts';
import { imageExists } from '../engine/images.ts';
import { buildImages } from '../images/build.ts';
import { imageRef } from '../images/hash.ts';
import { scenarioById } from '../scenarios/by-id.ts';
import { catalogRoots, defaultScenariosRoot, loadAllScenarios } from '../scenarios/load.ts';
import { createWorkshopBundle } from './create.ts';
import { readBundleManifest } from './inspect.ts';
import { loadWorkshopBundle } from './load.ts';

const client = docker();
const SCENARIO = 'two-containers';
/** These tests are about the import; whom to trust has unit tests (load.test.ts). */
const trustAll = (): Promise<boolean> => Promise.resolve(true);
let dir: string;
let bundle: string;
let ref: string;
let imageId: string;
let previousHome: string | undefined;

async function removeBusybox(): Promise<void> {
  for (const tag of [ref, 'kubelab/busybox:latest'])
    await client
      .getImage(tag)
      .remove({ force: true })
      .catch(() => undefined);
}

async function installed(): Promise<string[]> {
  return readdir(join(dir, 'home', 'scenarios')).catch(() => []);
}

beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), 'kubelab-workshop-int-'));
  previousHome = process.env.KUBELAB_HOME;
  process.env.KUBELAB_HOME = join(dir, 'home');
  await buildImages(client, ['busybox'], () => undefined);
  ref = await imageRef('busybox');
  imageId = (await client.getImage(ref).inspect()).Id;
  bundle = join(dir, 'workshop.kubelab');
  const scenario = await scenarioById(SCENARIO, defaultScenariosRoot());
  await createWorkshopBundle(client, bundle, { images: ['busybox'], scenarios: [scenario] });
});
beforeEach(async () => {
  await rm(join(dir, 'home', 'scenarios'), { recursive: true, force: true });
});
afterAll(async () => {
  // Leave the engine as it was: the image present (restored from the bundle, no rebuild).
  if (!(await imageExists(client, ref)))
    await loadWorkshopBundle(client, bundle, { decideTrust: trustAll });
  if (previousHome === undefined) delete process.env.KUBELAB_HOME;
  else process.env.KUBELAB_HOME = previousHome;
  await rm(dir, { recursive: true, force: true });
});

/** A refused load: the reason matches, the image is still absent, no scenario installed. */
async function expectRefused(file: string, reason: RegExp, arch?: string): Promise<void> {
  await removeBusybox();
  await expect(
    loadWorkshopBundle(client, file, { ...(arch ? { arch } : {}), decideTrust: trustAll }),
  ).rejects.toMatchObject({
    code: 'BAD_BUNDLE',
    message: expect.stringMatching(reason) as unknown,
  });
  expect(await imageExists(client, ref)).toBe(false);
  expect(await installed()).toEqual([]);
}

describe('workshop bundles (real engine)', () => {
  it('has the manifest first: versions, arch, per-entry checksums, required disk', async () => {
    const manifest = await readBundleManifest(bundle);
    expect(manifest.images).toEqual([{ name: 'busybox', ref, imageId }]);
    expect(manifest.scenarios.map((s) => s.id)).toEqual([SCENARIO]);
    expect(manifest.arch).toBe(process.arch);
    expect(manifest.versions.kubernetes).toMatch(/^v1\.\d+\.\d+$/);
    expect(manifest.entries[0]?.path).toBe('images.kubelab');
    expect(manifest.entries.some((e) => e.path === `scenarios/${SCENARIO}/scenario.yaml`)).toBe(
      true,
    );
    const total = manifest.entries.reduce((sum, e) => sum + e.bytes, 0);
    expect(manifest.requiredDiskBytes).toBeGreaterThan(total);
    expect((await stat(bundle)).size).toBeGreaterThan(total);
  });

  it('loads on an engine without the image: same image ID, scenario in the catalogue', async () => {
    await removeBusybox();
    const phases = new Set<string>();
    const result = await loadWorkshopBundle(client, bundle, {
      decideTrust: trustAll,
      onProgress: (phase) => phases.add(phase),
    });
    expect([...phases]).toEqual(['verify', 'images', 'scenarios', 'registry', 'done']);
    expect(result.installedScenarios).toEqual([SCENARIO]);
    expect((await client.getImage(ref).inspect()).Id).toBe(imageId);
    expect((await client.getImage('kubelab/busybox:latest').inspect()).Id).toBe(imageId);
    const catalog = await loadAllScenarios(catalogRoots());
    const entry = catalog.scenarios.find((s) => s.id === SCENARIO);
    expect(entry?.dir).toBe(join(dir, 'home', 'scenarios', SCENARIO));
  });

  it('refuses a corrupted byte in the images', async () => {
    const bad = join(dir, 'corrupt.kubelab');
    const data = await import('node:fs/promises').then((fs) => fs.readFile(bundle));
    const at = Math.floor(data.length / 2);
    data.writeUInt8(data.readUInt8(at) ^ 0xff, at);
    await writeFile(bad, data);
    await expectRefused(bad, /(checksum|damaged|corrupted)/);
  });

  it('refuses a truncated bundle', async () => {
    const cut = join(dir, 'cut.kubelab');
    const { size } = await stat(bundle);
    const source = await open(bundle);
    const buffer = Buffer.alloc(Math.floor(size * 0.8));
    await source.read(buffer, 0, buffer.length, 0);
    await source.close();
    await writeFile(cut, buffer);
    await expectRefused(cut, /truncated|missing/);
  });

  it('refuses a bundle for another architecture', async () => {
    const other = process.arch === 'arm64' ? 'x64' : 'arm64';
    await expectRefused(
      bundle,
      new RegExp(`it holds ${process.arch} images and this machine is ${other}`),
      other,
    );
  });
});
