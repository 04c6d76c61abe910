// One `docker save` of two real images streamed into a real registry: every layer arrives as the
// uncompressed tar the engine holds (its digest is the layer's diff ID), each image under every
// name asked for, a layer uploaded once and mounted into the other repositories.
import type Docker from 'dockerode';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { docker } from '../engine/docker.ts';
import { saveImages } from '../engine/images.ts';
import { labLabels } from '../engine/labels.ts';
import { freePort } from '../lab/registry.ts';
import { imageRef } from './hash.ts';
import { readImageManifest } from './registry-http.ts';
import { pushSavedImages } from './saved-push.ts';

const client = docker();
const CONTAINER = 'kubelab-test-saved-push';
let container: Docker.Container;
let base = '';

beforeAll(async () => {
  await client
    .getContainer(CONTAINER)
    .remove({ force: true, v: true })
    .catch(() => undefined);
  const port = await freePort();
  container = await client.createContainer({
    name: CONTAINER,
    Image: await imageRef('registry'),
    Labels: labLabels('registry'),
    HostConfig: { PortBindings: { '5000/tcp': [{ HostIp: '127.0.0.1', HostPort: String(port) }] } },
    ExposedPorts: { '5000/tcp': {} },
  });
  await container.start();
  base = `http://127.0.0.1:${port}`;
  for (let i = 0; i < 100; i++) {
    if (
      await fetch(`${base}/v2/`).then(
        (r) => r.ok,
        () => false,
      )
    )
      break;
    await new Promise((resolve) => setTimeout(resolve, 200));
  }
});

afterAll(() => container?.remove({ force: true, v: true }));

describe('pushSavedImages', () => {
  it('pushes each image of one docker save under all its names, layers as the engine holds them', async () => {
    const busybox = await imageRef('busybox');
    const nginx = await imageRef('nginx');
    const progress: string[] = [];
    const pushed = await pushSavedImages(
      await saveImages(client, [busybox, nginx]),
      base,
      'test/busybox',
      (image) =>
        image.RepoTags?.includes(busybox)
          ? [{ repository: 'test/busybox', tag: 'latest' }]
          : [
              { repository: 'test/nginx', tag: 'latest' },
              { repository: 'other/nginx', tag: 'alpine' },
            ],
      (message) => progress.push(message),
    );
    expect([...pushed.keys()].sort()).toEqual([
      'other/nginx:alpine',
      'test/busybox:latest',
      'test/nginx:latest',
    ]);
    for (const [ref, repository, tag] of [
      [busybox, 'test/busybox', 'latest'],
      [nginx, 'test/nginx', 'latest'],
      [nginx, 'other/nginx', 'alpine'],
    ] as const) {
      const inspected = await client.getImage(ref).inspect();
      const manifest = await readImageManifest(base, repository, tag);
      expect(manifest.config.digest).toBe(inspected.Id);
      expect(manifest.layers.map((layer) => layer.digest)).toEqual(inspected.RootFS.Layers);
      expect(new Set(manifest.layers.map((layer) => layer.mediaType))).toEqual(
        new Set(['application/vnd.oci.image.layer.v1.tar']),
      );
    }
    // Every layer is served from every repository that names it (mounted, not uploaded again).
    for (const digest of (await client.getImage(nginx).inspect()).RootFS.Layers ?? []) {
      const head = await fetch(`${base}/v2/other/nginx/blobs/${digest}`, { method: 'HEAD' });
      expect(head.status).toBe(200);
    }
    expect(progress.length).toBeGreaterThan(0);
  });
});
