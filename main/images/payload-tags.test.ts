// The tag reader on real gzip/tar bytes (what docker save writes, and what it does not).
import { Readable } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import { gzipSync } from 'node:zlib';
import { describe, expect, it } from 'vitest';
import { tarOf } from '../bundle/fixture.ts';
import { foreignTags, payloadTagReader } from './payload-tags.ts';
import type { PayloadTags } from './payload-tags.ts';

async function read(bytes: Buffer): Promise<PayloadTags> {
  const reader = payloadTagReader();
  await pipeline(Readable.from([bytes]), reader);
  return reader.result;
}

describe('payloadTagReader', () => {
  it('collects RepoTags, repositories and OCI image-name annotations', async () => {
    const found = await read(
      gzipSync(
        await tarOf([
          ['blobs/sha256/aa', 'x'.repeat(100_000)],
          [
            'index.json',
            JSON.stringify({
              manifests: [
                { annotations: { 'io.containerd.image.name': 'docker.io/library/postgres:16' } },
              ],
            }),
          ],
          ['manifest.json', JSON.stringify([{ RepoTags: ['kubelab/node:0123456789abcdef'] }])],
          ['repositories', JSON.stringify({ 'kubelab/registry': { '0123456789abcdef': 'x' } })],
        ]),
      ),
    );
    expect(found.unreadable).toBeNull();
    expect([...found.tags].sort()).toEqual([
      'kubelab/node:0123456789abcdef',
      'kubelab/registry:0123456789abcdef',
      'postgres:16',
    ]);
    expect(
      foreignTags(found, ['kubelab/node:0123456789abcdef', 'kubelab/registry:0123456789abcdef']),
    ).toBe(
      "its image payload would tag postgres:16, which its manifest does not list (only kubelab's own images may be loaded)",
    );
  });

  it('reports bytes that are not gzip, a tar without manifest.json, and malformed JSON', async () => {
    expect(foreignTags(await read(Buffer.from('plain text, not gzip')), [])).toMatch(
      /unreadable: not gzip/,
    );
    expect(foreignTags(await read(gzipSync(await tarOf([['layer.tar', 'x']]))), [])).toMatch(
      /no manifest\.json/,
    );
    expect(
      foreignTags(await read(gzipSync(await tarOf([['manifest.json', '{nope']]))), []),
    ).toMatch(/manifest\.json is malformed/);
  });
});
