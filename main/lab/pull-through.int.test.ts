// The pull-through cache on a real lab, with no outside network: a third Distribution registry
// on the lab's own network plays the upstream (Docker Hub's part). Started offline (auto, and the
// upstream does not answer), a lab has no cache and docker.io's entry names only the lab
// registry. With pull-through on and that upstream, the next start adds the cache: a pod whose
// image only the upstream holds runs, and the image stays in the cache volume.
// Slow (a lab); run alone with `npx vitest run --project integration main/lab/pull-through`.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { docker } from '../engine/docker.ts';
import { labLabels } from '../engine/labels.ts';
import { pushEngineImage } from '../images/engine-push.ts';
import { imageRef } from '../images/hash.ts';
import {
  DEFAULT_PULL_THROUGH,
  readPullThrough,
  writePullThrough,
} from '../images/pull-through-setting.ts';
import type { PullThroughSetting } from '../images/pull-through-setting.ts';
import { applyManifest, kubectlOk } from './cluster.ts';
import { controlPlane } from './config.ts';
import { labDown } from './down.ts';
import { nodeSh } from './node-exec.ts';
import { pullThroughContainer } from './pull-through.ts';
import { freePort } from './registry.ts';
import { existingLabConfig } from './state.ts';
import { labUp } from './up.ts';

const client = docker();
const lab = 'pull-through-it';
const upstreamName = `kubelab-${lab}-upstream`;
// A docker.io name nothing in the lab serves: only the upstream has it.
const REPOSITORY = 'library/kubelab-upstream-only';
let previous: PullThroughSetting;

const dockerIoEntry = async (): Promise<string> =>
  nodeSh(
    client,
    controlPlane(await existingLabConfig(lab)).container,
    'cat /etc/containerd/certs.d/docker.io/hosts.toml',
  );

describe('the pull-through cache on a real lab', () => {
  beforeAll(async () => {
    previous = await readPullThrough();
    await writePullThrough({
      ...DEFAULT_PULL_THROUGH,
      mode: 'auto',
      upstream: 'http://192.0.2.1:5000',
    });
    await labUp(client, { lab, nodes: 1 });
  }, 600_000);
  afterAll(async () => {
    await writePullThrough(previous);
    // Out of the shared cache again: only this test's repository.
    await client
      .getContainer(pullThroughContainer(await existingLabConfig(lab)))
      .exec({
        Cmd: ['rm', '-rf', `/var/lib/registry/docker/registry/v2/repositories/${REPOSITORY}`],
      })
      .then((exec) => exec.start({}))
      .catch(() => undefined);
    // The upstream carries the lab's label, so the purge removes it too.
    await labDown(client, { lab, purge: true, data: true });
  }, 300_000);

  it('offline (the upstream does not answer): no cache, docker.io is the lab registry alone', async () => {
    const entry = await dockerIoEntry();
    expect(entry).toContain('[host."http://registry.kubelab:5000"]');
    expect(entry).not.toContain('pull-through.kubelab');
    await expect(
      client.getContainer(pullThroughContainer(await existingLabConfig(lab))).inspect(),
    ).rejects.toThrow();
  });

  it('on, with an upstream on the lab network: a pod runs an image only the upstream holds, and it stays cached', async () => {
    const config = await existingLabConfig(lab);
    const port = await freePort();
    const ip = config.registry.ip.replace(/\.\d+$/, '.4');
    const upstream = await client.createContainer({
      name: upstreamName,
      Image: await imageRef('registry'),
      Labels: labLabels('test', lab),
      HostConfig: {
        PortBindings: { '5000/tcp': [{ HostIp: '127.0.0.1', HostPort: String(port) }] },
        NetworkMode: config.network.name,
      },
      ExposedPorts: { '5000/tcp': {} },
      NetworkingConfig: {
        EndpointsConfig: { [config.network.name]: { IPAMConfig: { IPv4Address: ip } } },
      },
    });
    await upstream.start();
    await expect
      .poll(
        () =>
          fetch(`http://127.0.0.1:${port}/v2/`).then(
            (r) => r.status,
            () => 0,
          ),
        { timeout: 20_000 },
      )
      .toBe(200);
    await pushEngineImage(client, port, await imageRef('busybox'), REPOSITORY, '1.0');

    await writePullThrough({ mode: 'on', upstream: `http://${ip}:5000` });
    await labUp(client, { lab, nodes: 1 });
    expect(await dockerIoEntry()).toContain('[host."http://pull-through.kubelab:5000"]');

    await applyManifest(
      client,
      config,
      JSON.stringify({
        apiVersion: 'v1',
        kind: 'Pod',
        metadata: { name: 'from-upstream' },
        spec: {
          restartPolicy: 'Never',
          containers: [
            {
              name: 'main',
              image: 'kubelab-upstream-only:1.0',
              command: ['sh', '-c', 'echo pulled-through'],
            },
          ],
        },
      }),
    );
    await kubectlOk(client, config, [
      'wait',
      'pod/from-upstream',
      '--for=jsonpath={.status.phase}=Succeeded',
      '--timeout=120s',
    ]);
    expect((await kubectlOk(client, config, ['logs', 'from-upstream'])).trim()).toBe(
      'pulled-through',
    );
    // The cache keeps what it fetched: the repository is in its volume.
    const exec = await client.getContainer(pullThroughContainer(config)).exec({
      Cmd: [
        'ls',
        `/var/lib/registry/docker/registry/v2/repositories/${REPOSITORY}/_manifests/tags`,
      ],
      AttachStdout: true,
    });
    const stream = await exec.start({});
    const listed = await new Promise<string>((resolve) => {
      let text = '';
      stream.on('data', (chunk: Buffer) => (text += chunk.toString('latin1')));
      stream.on('end', () => resolve(text));
    });
    expect(listed).toContain('1.0');
  }, 400_000);
});
