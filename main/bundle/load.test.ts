// Verification before import, without an engine: every damaged or foreign bundle is refused
// before the (fake) engine is asked to import anything and before any scenario is installed.
import { mkdtemp, readFile, readdir, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type Docker from 'dockerode';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { VALID_FILES } from '../scenarios/fixture.ts';
import { writeFakeBundle } from './fixture.ts';
import { readBundleHead, readBundleManifest } from './inspect.ts';
import { generateSigningKey } from './signature.ts';
import { trustDecision } from './trust-policy.ts';
import { isTrustedSigner } from './trust-store.ts';
import { loadWorkshopBundle } from './load.ts';
import { verifyWorkshopStream } from './verify.ts';
import { createReadStream } from 'node:fs';

let dir: string;
let home: string;
let previousHome: string | undefined;
let importCalls: number;

/** An engine that has no images and fails the test's expectations if asked to import. */
/** By default the engine reports the kernel's name for the machine this test runs on. */
function fakeEngine(
  architecture = { x64: 'x86_64', arm64: 'aarch64' }[process.arch as string] ?? process.arch,
): Docker {
  const engine = {
    info: () => Promise.resolve({ Architecture: architecture }),
    getImage: () => ({
      inspect: () => Promise.reject(new Error('no such image')),
      remove: () => Promise.resolve(),
    }),
    loadImage: () => {
      importCalls += 1;
      return Promise.reject(new Error('the fake engine imports nothing'));
    },
  };
  return engine as unknown as Docker;
}

beforeEach(async () => {
  dir = await mkdtemp(join(tmpdir(), 'kubelab-bundle-unit-'));
  home = join(dir, 'home');
  previousHome = process.env.KUBELAB_HOME;
  process.env.KUBELAB_HOME = home;
  importCalls = 0;
});
afterEach(async () => {
  if (previousHome === undefined) delete process.env.KUBELAB_HOME;
  else process.env.KUBELAB_HOME = previousHome;
  await rm(dir, { recursive: true, force: true });
});

const demo = { demo: { ...VALID_FILES } };
/** These tests are about verification; whom to trust has its own tests below. */
const trustAll = (): Promise<boolean> => Promise.resolve(true);

async function installedScenarios(): Promise<string[]> {
  return readdir(join(home, 'scenarios')).catch(() => []);
}

async function expectRefused(file: string, why: string | RegExp, arch?: string): Promise<void> {
  const error = await loadWorkshopBundle(fakeEngine(), file, {
    ...(arch ? { arch } : {}),
    decideTrust: trustAll,
  }).then(
    () => undefined,
    (failure: unknown) => failure as { code?: string; message?: string },
  );
  expect(error?.code).toBe('BAD_BUNDLE');
  const prefix = `${file} is not a usable kubelab workshop bundle: `;
  const suffix = '. Nothing was imported.';
  expect(error?.message?.startsWith(prefix) && error.message.endsWith(suffix)).toBe(true);
  const reason = error?.message?.slice(prefix.length, -suffix.length) ?? '';
  if (typeof why === 'string') expect(reason).toBe(why);
  else expect(reason).toMatch(why);
  expect(importCalls).toBe(0);
  expect(await installedScenarios()).toEqual([]);
}

/** Flips one byte inside the first occurrence of `marker` in the file. */
async function corrupt(file: string, marker: string): Promise<void> {
  const data = await readFile(file);
  const at = data.indexOf(marker);
  expect(at).toBeGreaterThan(0);
  data.writeUInt8(data.readUInt8(at + 2) ^ 0x20, at + 2);
  await writeFile(file, data);
}

describe('workshop bundle verification', () => {
  it('unpacks an intact bundle: every entry checked, scenario files in place', async () => {
    const file = join(dir, 'ok.kubelab');
    const manifest = await writeFakeBundle(file, { scenarios: demo });
    const work = join(dir, 'work');
    const verified = await verifyWorkshopStream(createReadStream(file), file, work, {
      decideTrust: trustAll,
    });
    expect(verified.manifest).toEqual(manifest);
    expect(verified.images.manifest.images.map((image) => image.name)).toEqual(['busybox']);
    expect(await readFile(join(verified.scenariosDir, 'demo', 'scenario.yaml'), 'utf8')).toBe(
      VALID_FILES['scenario.yaml'],
    );
    expect((await readBundleManifest(file)).entries).toHaveLength(manifest.entries.length);
  });

  it('gets as far as the import for an intact bundle (then the fake engine fails it)', async () => {
    const file = join(dir, 'ok.kubelab');
    await writeFakeBundle(file, { scenarios: demo });
    await expect(
      loadWorkshopBundle(fakeEngine(), file, { decideTrust: trustAll }),
    ).rejects.toMatchObject({
      code: 'LOAD_FAILED',
    });
    expect(importCalls).toBe(1);
    // The import failed, so the scenarios were not installed either.
    expect(await installedScenarios()).toEqual([]);
  });

  it('refuses a payload that would tag anything but its listed kubelab images, importing nothing', async () => {
    for (const foreign of [
      'postgres:16',
      'kubelab/node:latest',
      'docker.io/library/nginx:latest',
    ]) {
      const file = join(dir, `foreign-${foreign.replace(/\W/g, '-')}.kubelab`);
      await writeFakeBundle(file, {
        scenarios: demo,
        payloadTags: ['kubelab/busybox:0123456789abcdef', foreign],
      });
      const error = await loadWorkshopBundle(fakeEngine(), file, { decideTrust: trustAll }).then(
        () => undefined,
        (failure: unknown) => failure as { code?: string; message?: string },
      );
      expect(error?.code).toBe('BAD_BUNDLE');
      expect(error?.message).toContain(
        `would tag ${foreign.replace(/^docker\.io\/library\//, '')}`,
      );
      expect(error?.message).toContain('Nothing was imported');
      expect(importCalls).toBe(0);
      expect(await installedScenarios()).toEqual([]);
    }
  });

  it('refuses a corrupted byte in a scenario file', async () => {
    const file = join(dir, 'bad.kubelab');
    await writeFakeBundle(file, { scenarios: demo });
    await corrupt(file, 'title: Demo');
    await expectRefused(
      file,
      'scenarios/demo/scenario.yaml does not match its checksum (corrupted)',
    );
  });

  it('refuses a corrupted byte in the images payload', async () => {
    const file = join(dir, 'bad.kubelab');
    await writeFakeBundle(file, { scenarios: demo });
    const data = await readFile(file);
    const payload = data.indexOf(Buffer.from([0x1f, 0x8b])); // the gzip magic of the payload
    data.writeUInt8(data.readUInt8(payload + 200) ^ 0xff, payload + 200);
    await writeFile(file, data);
    await expect(
      loadWorkshopBundle(fakeEngine(), file, { decideTrust: trustAll }),
    ).rejects.toMatchObject({
      code: 'BAD_BUNDLE',
    });
    expect(importCalls).toBe(0);
    expect(await installedScenarios()).toEqual([]);
  });

  it('refuses a truncated bundle', async () => {
    const file = join(dir, 'cut.kubelab');
    await writeFakeBundle(file, { scenarios: demo });
    const data = await readFile(file);
    await writeFile(file, data.subarray(0, Math.floor(data.length * 0.7)));
    await expect(
      loadWorkshopBundle(fakeEngine(), file, { decideTrust: trustAll }),
    ).rejects.toMatchObject({
      code: 'BAD_BUNDLE',
      message: expect.stringMatching(/truncated/) as unknown,
    });
    expect(importCalls).toBe(0);
    expect(await installedScenarios()).toEqual([]);
  });

  it('refuses a bundle for another architecture before reading further', async () => {
    const file = join(dir, 'arm.kubelab');
    await writeFakeBundle(file, { scenarios: demo, arch: 'arm64' });
    await expectRefused(file, 'it holds arm64 images and this machine is x64', 'x64');
  });

  it("checks the architecture against the engine's machine, not the app's", async () => {
    const file = join(dir, 'app-arch.kubelab');
    await writeFakeBundle(file, { scenarios: demo, arch: process.arch });
    const other = process.arch === 's390x' ? 'x86_64' : 's390x';
    const error = await loadWorkshopBundle(fakeEngine(other), file, { decideTrust: trustAll }).then(
      () => null,
      (e: unknown) => e,
    );
    expect(error).toMatchObject({
      code: 'BAD_BUNDLE',
      message: expect.stringContaining(`this machine is ${other}`) as unknown,
    });
    expect(importCalls).toBe(0);
  });

  it('refuses entries the manifest does not list, or lists with another size', async () => {
    const extra = join(dir, 'extra.kubelab');
    await writeFakeBundle(extra, {
      scenarios: demo,
      extraEntries: [['scenarios/demo/evil.sh', Buffer.from('rm -rf /')]],
    });
    await expectRefused(extra, 'it holds scenarios/demo/evil.sh, which its manifest does not list');
    const lying = join(dir, 'lying.kubelab');
    await writeFakeBundle(lying, {
      scenarios: demo,
      editManifest: (m) => {
        m.entries[1]!.bytes += 1;
      },
    });
    await expectRefused(lying, /^scenarios\/demo\/\S+ is \d+ bytes, the manifest says \d+$/);
  });

  it('refuses a bundle whose scenario does not load, though its checksums are right', async () => {
    const file = join(dir, 'broken-scenario.kubelab');
    await writeFakeBundle(file, {
      scenarios: { demo: { ...VALID_FILES, 'scenario.yaml': 'id: demo\ntitle: [unclosed' } },
    });
    await expect(
      loadWorkshopBundle(fakeEngine(), file, { decideTrust: trustAll }),
    ).rejects.toMatchObject({
      code: 'BAD_BUNDLE',
      message: expect.stringContaining(
        'its scenario "demo" does not load in this kubelab',
      ) as unknown,
    });
    expect(importCalls).toBe(0);
    expect(await installedScenarios()).toEqual([]);
  });

  it('refuses when the disk has less free space than the manifest asks for', async () => {
    const file = join(dir, 'huge.kubelab');
    await writeFakeBundle(file, {
      scenarios: demo,
      editManifest: (m) => {
        m.requiredDiskBytes = 1024 ** 5;
      },
    });
    await expectRefused(file, /^loading it needs 1048576\.00 GiB free disk and .+ has [\d.]+ GiB$/);
  });

  it('refuses a plain tar that has no manifest first', async () => {
    const file = join(dir, 'other.kubelab');
    await writeFakeBundle(file, { scenarios: demo });
    const data = await readFile(file);
    await writeFile(file, data.subarray(512 * Math.ceil(data.indexOf('images.kubelab') / 512)));
    await expect(
      loadWorkshopBundle(fakeEngine(), file, { decideTrust: trustAll }),
    ).rejects.toMatchObject({
      code: 'BAD_BUNDLE',
    });
    expect(importCalls).toBe(0);
  });
});

describe('whom a bundle is trusted by', () => {
  it('loads a signed bundle once its fingerprint is accepted, and remembers the signer', async () => {
    const key = generateSigningKey();
    const file = join(dir, 'signed.kubelab');
    await writeFakeBundle(file, { scenarios: demo, signingKeyPem: key.privateKeyPem });
    expect((await readBundleHead(file)).signer).toBe(key.fingerprint);
    // past verification and trust, up to the (fake) import
    await expect(
      loadWorkshopBundle(fakeEngine(), file, {
        decideTrust: trustDecision({
          fingerprint: key.fingerprint.replace(/ /g, '').toLowerCase(),
        }),
      }),
    ).rejects.toMatchObject({ code: 'LOAD_FAILED' });
    expect(await isTrustedSigner(key.fingerprint)).toBe(true);
    // asked once: the next bundle of that signer needs no fingerprint
    await expect(
      loadWorkshopBundle(fakeEngine(), file, { decideTrust: trustDecision({}) }),
    ).rejects.toMatchObject({ code: 'LOAD_FAILED' });
  });

  it('refuses a signed bundle whose manifest was changed after signing', async () => {
    const key = generateSigningKey();
    const file = join(dir, 'tampered.kubelab');
    await writeFakeBundle(file, {
      scenarios: demo,
      signingKeyPem: key.privateKeyPem,
      tamperAfterSigning: (manifest) => (manifest.kubelabVersion = '9.9.9'),
    });
    const asked: (string | null)[] = [];
    await expectRefused(file, /signature does not match its manifest/);
    await expect(
      loadWorkshopBundle(fakeEngine(), file, {
        decideTrust: (signer) => {
          asked.push(signer);
          return Promise.resolve(true);
        },
      }),
    ).rejects.toMatchObject({ code: 'BAD_BUNDLE' });
    expect(asked).toEqual([]); // refused before anyone is asked
    await expect(readBundleHead(file)).rejects.toMatchObject({ code: 'BAD_BUNDLE' });
  });

  it('refuses an unsigned bundle, and an unknown signer, without a yes — before reading further', async () => {
    const unsigned = join(dir, 'unsigned.kubelab');
    await writeFakeBundle(unsigned, { scenarios: demo });
    const refusedUnsigned = await loadWorkshopBundle(fakeEngine(), unsigned, {
      decideTrust: trustDecision({}),
    }).then(
      () => undefined,
      (error: unknown) => error as { code?: string; message?: string },
    );
    expect(refusedUnsigned).toMatchObject({ code: 'BUNDLE_UNTRUSTED' });
    expect(refusedUnsigned?.message).toMatch(/not signed.*root/);
    const key = generateSigningKey();
    const signed = join(dir, 'stranger.kubelab');
    await writeFakeBundle(signed, { scenarios: demo, signingKeyPem: key.privateKeyPem });
    const other = generateSigningKey();
    const refusedSigner = await loadWorkshopBundle(fakeEngine(), signed, {
      decideTrust: trustDecision({ fingerprint: other.fingerprint }),
    }).then(
      () => undefined,
      (error: unknown) => error as { code?: string; message?: string },
    );
    expect(refusedSigner).toMatchObject({ code: 'BUNDLE_UNTRUSTED' });
    expect(refusedSigner?.message).toContain(key.fingerprint);
    expect(importCalls).toBe(0);
    expect(await installedScenarios()).toEqual([]);
    // the explicit yes to an unsigned file
    await expect(
      loadWorkshopBundle(fakeEngine(), unsigned, {
        decideTrust: trustDecision({ unsigned: true }),
      }),
    ).rejects.toMatchObject({ code: 'LOAD_FAILED' });
  });
});
