// Test fixture: a workshop bundle written without a Docker engine — a real images-pack entry
// whose payload is a small gzip shaped like `docker save` (manifest.json with RepoTags,
// repositories, a stand-in layer), plus a scenario's files — so the unit tests
// can break it in one precise way and watch verification refuse it.
import { createHash } from 'node:crypto';
import { writeFile } from 'node:fs/promises';
import { gzipSync } from 'node:zlib';
import tar from 'tar-stream';
import { BUNDLE_FORMAT } from '../images/bundle.ts';
import type { WorkshopManifest } from './manifest.ts';
import { SIGNATURE_ENTRY, signManifest } from './signature.ts';
import { IMAGES_ENTRY, MANIFEST_ENTRY, SCENARIOS_PREFIX, WORKSHOP_FORMAT } from './manifest.ts';

const sha256 = (data: Buffer): string => createHash('sha256').update(data).digest('hex');

/** A tar of these entries, in order (also the payload-tags tests' archives). */
export async function tarOf(entries: [string, Buffer | string][]): Promise<Buffer> {
  const pack = tar.pack();
  for (const [name, data] of entries) pack.entry({ name }, data);
  pack.finalize();
  const chunks: Buffer[] = [];
  for await (const chunk of pack as AsyncIterable<Buffer>) chunks.push(chunk);
  return Buffer.concat(chunks);
}

export const FAKE_IMAGE_REF = 'kubelab/busybox:0123456789abcdef';
const FAKE_IMAGE_ID = `sha256:${'ab'.repeat(32)}`;

/** A payload shaped like `docker save` (manifest.json, repositories, a layer), gzipped. */
async function dockerSavePayload(tags: string[]): Promise<Buffer> {
  const [repo, tag] = FAKE_IMAGE_REF.split(':') as [string, string];
  return gzipSync(
    await tarOf([
      ['layer.tar', Buffer.from('not really a layer, but checksummed all the same\n'.repeat(2000))],
      [
        'manifest.json',
        Buffer.from(
          JSON.stringify([{ Config: 'config.json', RepoTags: tags, Layers: ['layer.tar'] }]),
        ),
      ],
      ['repositories', Buffer.from(JSON.stringify({ [repo]: { [tag]: FAKE_IMAGE_ID } }))],
    ]),
  );
}

async function imagesPack(arch: string, payloadTags: string[]): Promise<Buffer> {
  const payload = await dockerSavePayload(payloadTags);
  const manifest = {
    format: BUNDLE_FORMAT,
    createdAt: new Date(0).toISOString(),
    arch,
    images: [
      {
        name: 'busybox',
        ref: FAKE_IMAGE_REF,
        hash: '0123456789abcdef',
        imageId: FAKE_IMAGE_ID,
        sizeBytes: 1,
      },
    ],
    payload: { file: 'images.tar.gz', bytes: payload.length, sha256: sha256(payload) },
  };
  return tarOf([
    ['kubelab-images.json', Buffer.from(JSON.stringify(manifest))],
    ['images.tar.gz', payload],
  ]);
}

export interface FakeBundleOptions {
  arch?: string;
  /** Scenario id → its files (relative path → content). */
  scenarios?: Record<string, Record<string, string>>;
  /** Edits the manifest after the checksums are taken (to lie about something). */
  editManifest?: (manifest: WorkshopManifest) => void;
  /** Entries added after the listed ones, not in the manifest. */
  extraEntries?: [string, Buffer][];
  /** The tags `docker load` would apply (default: exactly the manifest's image ref). */
  payloadTags?: string[];
  /** Signs the manifest (an Ed25519 PKCS#8 PEM), as `bundle create --sign` does. */
  signingKeyPem?: string;
  /** Changes the manifest after it was signed (a tampered signed bundle). */
  tamperAfterSigning?: (manifest: WorkshopManifest) => void;
}

export async function writeFakeBundle(
  file: string,
  options: FakeBundleOptions = {},
): Promise<WorkshopManifest> {
  const arch = options.arch ?? process.arch;
  const entries: [string, Buffer][] = [
    [IMAGES_ENTRY, await imagesPack(arch, options.payloadTags ?? [FAKE_IMAGE_REF])],
  ];
  for (const [id, files] of Object.entries(options.scenarios ?? {}))
    for (const [path, content] of Object.entries(files))
      entries.push([`${SCENARIOS_PREFIX}${id}/${path}`, Buffer.from(content)]);
  const manifest: WorkshopManifest = {
    format: WORKSHOP_FORMAT,
    kubelabVersion: '0.0.0-test',
    createdAt: new Date(0).toISOString(),
    arch,
    versions: { kubernetes: 'v0.0.0' },
    images: [{ name: 'busybox', ref: FAKE_IMAGE_REF, imageId: FAKE_IMAGE_ID }],
    scenarios: Object.keys(options.scenarios ?? {}).map((id) => ({ id, title: id })),
    entries: entries.map(([path, data]) => ({ path, bytes: data.length, sha256: sha256(data) })),
    requiredDiskBytes: 1024,
  };
  options.editManifest?.(manifest);
  const signed = Buffer.from(JSON.stringify(manifest));
  const signature = options.signingKeyPem
    ? [[SIGNATURE_ENTRY, signManifest(signed, options.signingKeyPem).entry] as [string, Buffer]]
    : [];
  options.tamperAfterSigning?.(manifest);
  const bundle = await tarOf([
    [MANIFEST_ENTRY, Buffer.from(JSON.stringify(manifest))],
    ...signature,
    ...entries,
    ...(options.extraEntries ?? []),
  ]);
  await writeFile(file, bundle);
  return manifest;
}
