import { describe, expect, it } from 'vitest';
import { BundleManifestSchema, normalizeTag } from './bundle-manifest.ts';

const image = {
  name: 'node',
  ref: 'kubelab/node:0123456789abcdef',
  hash: '0123456789abcdef',
  imageId: `sha256:${'cd'.repeat(32)}`,
  sizeBytes: 10,
};
const manifest = (images: unknown[]): unknown => ({
  format: 'kubelab-images/1',
  createdAt: '2026-01-01T00:00:00Z',
  arch: 'x64',
  images,
  payload: { file: 'images.tar.gz', bytes: 1, sha256: 'ef'.repeat(32) },
});

describe('BundleManifestSchema', () => {
  it('accepts catalogue images under their own kubelab/<name>:<hash> ref', () => {
    expect(BundleManifestSchema.safeParse(manifest([image])).success).toBe(true);
  });

  it('refuses other refs, other names, and extra fields', () => {
    for (const bad of [
      { ...image, ref: 'postgres:16' },
      { ...image, ref: 'kubelab/node:latest' },
      { ...image, name: 'postgres', ref: 'kubelab/postgres:0123456789abcdef' },
      { ...image, hash: 'latest' },
      { ...image, extra: true },
    ]) {
      expect(BundleManifestSchema.safeParse(manifest([bad])).success, JSON.stringify(bad)).toBe(
        false,
      );
    }
    expect(BundleManifestSchema.safeParse(manifest([])).success).toBe(false);
  });
});

describe('normalizeTag', () => {
  it('treats docker.io/library/ as the engine does', () => {
    expect(normalizeTag('docker.io/library/nginx:latest')).toBe('nginx:latest');
    expect(normalizeTag('docker.io/kubelab/node:x')).toBe('kubelab/node:x');
  });
});
