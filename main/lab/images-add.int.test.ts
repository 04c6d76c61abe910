// `kubelab images add` against a real lab: an image of the learner's own engine under another
// registry's name (added before the lab starts, so the node gets its mirror entry when it
// starts), a `docker save` file under a name given with --as (added while the lab runs, so the
// running node gets the entry then), and an image of the same host that was never added, which
// fails at once with the registry's "not found" instead of a pull from the internet, and gets
// kubelab's own event naming the fix (as does a docker.io image nobody added). The learner's
// engine keeps exactly the tags it had.
// Slow (a lab); run alone with `npx vitest run --project integration main/lab/images-add`.
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { execFileSync } from 'node:child_process';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { docker } from '../engine/docker.ts';
import { imageRef } from '../images/hash.ts';
import { readAddedImages } from '../images/added.ts';
import { applyManifest, kubectlOk } from './cluster.ts';
import { labDown } from './down.ts';
import { addImages } from './images-add.ts';
import { existingLabConfig } from './state.ts';
import { labUp } from './up.ts';

const client = docker();
const lab = 'images-add-it';
const OWN = 'example.org/team/tool:1.0';
const FROM_FILE = 'localhost:5999/it/tool:2.0';
let folder = '';

const pod = (name: string, image: string): string =>
  JSON.stringify({
    apiVersion: 'v1',
    kind: 'Pod',
    metadata: { name },
    spec: {
      terminationGracePeriodSeconds: 0,
      containers: [{ name: 'main', image, command: ['sleep', '3600'] }],
    },
  });

const tags = (): string[] =>
  execFileSync('docker', ['images', '--format', '{{.Repository}}:{{.Tag}}'], { encoding: 'utf8' })
    .split('\n')
    .filter(Boolean)
    .sort();

describe('kubelab images add on a real lab', () => {
  beforeAll(async () => {
    folder = await mkdtemp(join(tmpdir(), 'kubelab-images-add-'));
    // The learner's own image: the lab's busybox under a name of another registry.
    execFileSync('docker', ['tag', await imageRef('busybox'), OWN]);
    execFileSync('docker', ['save', '-o', join(folder, 'tool.tar'), OWN]);
    const before = tags();
    const result = await addImages(client, OWN, undefined, () => undefined);
    expect(result.added.map((image) => image.name)).toEqual([OWN]);
    expect(tags(), 'no temporary tag is left behind').toEqual(before);
    await labUp(client, { lab, nodes: 1 });
  }, 600_000);
  afterAll(async () => {
    await labDown(client, { lab, purge: true, data: true });
    execFileSync('docker', ['rmi', '--no-prune', OWN]);
    await rm(folder, { recursive: true, force: true });
  }, 300_000);

  it('an image of another registry added before the lab started runs in a pod', async () => {
    const config = await existingLabConfig(lab);
    await applyManifest(client, config, pod('own', OWN));
    await kubectlOk(client, config, ['wait', '--for=condition=Ready', 'pod/own', '--timeout=120s']);
    // imageID names what was pulled. (`image` may show another name of the same image: the tool
    // here is the lab's busybox retagged, which the node also holds preloaded, and containerd
    // keeps one image per config digest with all its names.)
    const imageId = await kubectlOk(client, config, [
      'get',
      'pod',
      'own',
      '-o',
      'jsonpath={.status.containerStatuses[0].imageID}',
    ]);
    expect(imageId).toMatch(/^example\.org\/team\/tool@sha256:[0-9a-f]{64}$/);
  }, 180_000);

  it('a docker save file added with --as while the lab runs: no tag in the engine, the pod runs', async () => {
    const before = tags();
    const result = await addImages(client, join(folder, 'tool.tar'), FROM_FILE, () => undefined);
    expect(result.added.map((image) => image.name)).toEqual([FROM_FILE]);
    expect(result.mirroredInto).toContain(`kubelab-${lab}-control-plane`);
    expect(tags(), 'the file was pushed, not loaded into the engine').toEqual(before);
    expect((await readAddedImages()).map((image) => image.name)).toEqual(
      expect.arrayContaining([OWN, FROM_FILE]),
    );
    const config = await existingLabConfig(lab);
    await applyManifest(client, config, pod('from-file', FROM_FILE));
    await kubectlOk(client, config, [
      'wait',
      '--for=condition=Ready',
      'pod/from-file',
      '--timeout=120s',
    ]);
  }, 180_000);

  it('an image of that registry that was never added fails at once with "not found"', async () => {
    const config = await existingLabConfig(lab);
    const started = Date.now();
    await applyManifest(client, config, pod('missing', 'example.org/team/never-added:1.0'));
    let message = '';
    while (Date.now() - started < 60_000 && !/not found/.test(message)) {
      await new Promise((resolve) => setTimeout(resolve, 1000));
      message = await kubectlOk(client, config, [
        'get',
        'events',
        '--field-selector',
        'involvedObject.name=missing,reason=Failed',
        '-o',
        'jsonpath={.items[*].message}',
      ]);
    }
    expect(message).toMatch(/example\.org\/team\/never-added:1\.0.*not found/);
    expect(Date.now() - started).toBeLessThan(60_000);
  }, 90_000);

  it('a pod whose image is not in the lab registry gets an event that names `kubelab images add`', async () => {
    const config = await existingLabConfig(lab);
    // Both kinds of name: another registry's (the pod above) and docker.io's short form.
    await applyManifest(client, config, pod('not-added', 'redis-never-added-here'));
    const hint = async (name: string): Promise<string> => {
      const started = Date.now();
      let message = '';
      while (Date.now() - started < 60_000 && !message) {
        await new Promise((resolve) => setTimeout(resolve, 1000));
        message = await kubectlOk(client, config, [
          'get',
          'events',
          '--field-selector',
          `involvedObject.name=${name},reason=NotInLabRegistry`,
          '-o',
          'jsonpath={.items[*].message}',
        ]);
      }
      return message;
    };
    expect(await hint('missing')).toMatch(
      /"example\.org\/team\/never-added:1\.0" is not in the lab registry.*kubelab images add example\.org\/team\/never-added:1\.0/,
    );
    expect(await hint('not-added')).toMatch(/kubelab images add redis-never-added-here/);
    // Once per failing image, not once per retry of the kubelet.
    await new Promise((resolve) => setTimeout(resolve, 15_000));
    const count = await kubectlOk(client, config, [
      'get',
      'events',
      '--field-selector',
      'involvedObject.name=not-added,reason=NotInLabRegistry',
      '-o',
      'name',
    ]);
    expect(count.trim().split('\n')).toHaveLength(1);
    // Pods whose images are there get none.
    const onOwn = await kubectlOk(client, config, [
      'get',
      'events',
      '--field-selector',
      'involvedObject.name=own,reason=NotInLabRegistry',
      '-o',
      'name',
    ]);
    expect(onOwn.trim()).toBe('');
  }, 180_000);
});
