// The learner desktop's API on a real 1-node lab with scenario hostpath-pv's objects: topology,
// Files on the node's /mnt, a Service preview through the node, and pod terminals. Slow (a cold
// lab start); run alone with `npx vitest run --project integration main/api`.
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createApp } from '../app.ts';
import type { LabApp } from '../app.ts';
import { createCaller } from './caller.ts';
import { TopologySchema } from './schemas/topology.ts';
import { docker } from '../engine/docker.ts';
import { kubectlOk, waitFor } from '../lab/cluster.ts';
import { labDown } from '../lab/down.ts';
import { nodeSh } from '../lab/node-exec.ts';
import { existingLabConfig } from '../lab/state.ts';
import { labUp } from '../lab/up.ts';
import { appRoot } from '../paths.ts';

const client = docker();
const lab = 'it-desktop';
let app: LabApp;

async function call<T>(channel: string, input: unknown): Promise<T> {
  const envelope = await app.dispatch(channel, input);
  if ('error' in envelope) throw new Error(`${channel}: ${JSON.stringify(envelope.error)}`);
  return envelope.result as T;
}

beforeAll(async () => {
  await labUp(client, { lab, nodes: 1 });
  const config = await existingLabConfig(lab);
  await nodeSh(
    client,
    config.nodes[0]!.container,
    "mkdir -p /mnt/data && echo 'Hello from the hostPath PersistentVolume!' > /mnt/data/index.html",
  );
  const manifests = join(appRoot(), 'scenarios', 'hostpath-pv', 'manifests');
  for (const file of ['hostpath-pv.yaml', 'hostpath-pvc.yaml', 'httpd-deployment.yaml']) {
    await kubectlOk(
      client,
      config,
      ['apply', '-f', '-'],
      await readFile(join(manifests, file), 'utf8'),
    );
  }
  await kubectlOk(client, config, ['rollout', 'status', 'deployment/httpd', '--timeout=180s']);
  await kubectlOk(client, config, [
    'expose',
    'deployment',
    'httpd',
    '--port=80',
    '--type=NodePort',
  ]);
  // Until kube-proxy has written the new Service's rules, a connection to its ClusterIP leaves
  // the node by the default route (and, on a host with an intercepting proxy, gets a 404 from
  // it): wait until the Service itself answers, as a learner would see it after a moment.
  const clusterIP = await kubectlOk(client, config, [
    'get',
    'service',
    'httpd',
    '-o',
    'jsonpath={.spec.clusterIP}',
  ]);
  await waitFor('the httpd Service to answer on its ClusterIP', 60_000, async () => {
    const code = await nodeSh(
      client,
      config.nodes[0]!.container,
      `curl -s -o /dev/null -m 2 -w '%{http_code}' http://${clusterIP.trim()}/ || true`,
    );
    return code.trim() === '200';
  });
  app = createApp();
});
afterAll(async () => {
  app.services.terminals.closeAll();
  await app.services.previews.closeAll();
  await labDown(client, { lab, purge: true, data: true });
});

describe('the learner desktop API on a real lab', () => {
  it('topology:get links pods to cni0 veths, the Service to its pods, and the PV to its folder', async () => {
    let topology = TopologySchema.parse(await call('topology:get', { lab }));
    await waitFor('httpd endpoints', 60_000, async () => {
      topology = TopologySchema.parse(await call('topology:get', { lab }));
      return (topology.services.find((s) => s.name === 'httpd')?.endpoints.length ?? 0) === 2;
    });
    const httpd = topology.pods.filter((p) => p.labels['app'] === 'httpd');
    expect(httpd).toHaveLength(2);
    const node = topology.nodes[0]!;
    for (const pod of httpd) {
      expect(pod.hostVeth).toBeTruthy();
      expect(node.interfaces.find((i) => i.name === pod.hostVeth)).toMatchObject({
        master: 'cni0',
        pod: `default/${pod.name}`,
      });
    }
    const service = topology.services.find((s) => s.name === 'httpd')!;
    expect(service.type).toBe('NodePort');
    expect(service.endpoints.map((e) => e.pod).sort()).toEqual(
      httpd.map((p) => `default/${p.name}`).sort(),
    );
    const volume = topology.volumes.find((v) => v.pv === 'pv-local')!;
    const config = await existingLabConfig(lab);
    expect(volume).toMatchObject({
      phase: 'Bound',
      node: 'control-plane',
      hostFolder: join(config.nodes[0]!.hostDirs.mnt, 'data'),
    });
    expect(volume.users.sort()).toEqual(httpd.map((p) => `default/${p.name}`).sort());
  });

  it('topology:get with the revision shown waits for a change, and answers within a second of it', async () => {
    const config = await existingLabConfig(lab);
    // The first answer starts the lab's watches; once they have listed, answers carry a revision.
    let shown = TopologySchema.parse(await call('topology:get', { lab }));
    await waitFor('a topology revision', 30_000, async () => {
      shown = TopologySchema.parse(await call('topology:get', { lab }));
      return shown.revision !== undefined;
    });
    // Nothing changes: the request waits on the server (here 20 s) instead of answering at once.
    // A lab that has just been set up may still be settling (a status, an event of the previous
    // test): an early answer must then carry a new revision, and the question is asked again.
    let idle = shown;
    let waited = 0;
    for (let attempt = 0; attempt < 4 && waited <= 15_000; attempt++) {
      const idleStart = performance.now();
      const answer = TopologySchema.parse(
        await call('topology:get', { lab, after: idle.revision }),
      );
      waited = performance.now() - idleStart;
      if (waited <= 15_000) expect(answer.revision).not.toBe(idle.revision);
      idle = answer;
    }
    expect(waited).toBeGreaterThan(15_000);
    expect(idle.pods.map((p) => p.name).sort()).toEqual(shown.pods.map((p) => p.name).sort());
    // A change: a ConfigMap is not drawn, a Service is — the waiting request answers with it
    // (or, should another change come first, the next one does).
    let waiting = call<unknown>('topology:get', { lab, after: idle.revision });
    await new Promise((resolve) => setTimeout(resolve, 1_000));
    await kubectlOk(client, config, ['create', 'service', 'clusterip', 'watched', '--tcp=81:81']);
    const created = performance.now();
    let changed = TopologySchema.parse(await waiting);
    for (
      let attempt = 0;
      attempt < 3 && !changed.services.some((s) => s.name === 'watched');
      attempt++
    ) {
      waiting = call<unknown>('topology:get', { lab, after: changed.revision });
      changed = TopologySchema.parse(await waiting);
    }
    expect(performance.now() - created).toBeLessThan(1_000);
    expect(changed.revision).not.toBe(idle.revision);
    expect(changed.services.map((s) => s.name)).toContain('watched');
    await kubectlOk(client, config, ['delete', 'service', 'watched']);
  });

  it('files:* show and edit the node folder the PV serves; the pods see the edit at once', async () => {
    const listing = await call<{ entries: Array<{ name: string }> }>('files:list', {
      lab,
      root: 'control-plane/mnt',
      path: 'data',
    });
    expect(listing.entries.map((e) => e.name)).toEqual(['index.html']);
    const read = await call<{ kind: string; content: string }>('files:read', {
      lab,
      root: 'control-plane/mnt',
      path: 'data/index.html',
    });
    expect(read.content).toBe('Hello from the hostPath PersistentVolume!\n');
    await call('files:write', {
      lab,
      root: 'control-plane/mnt',
      path: 'data/index.html',
      content: `${read.content}Edited in Files\n`,
    });
    const config = await existingLabConfig(lab);
    const served = await kubectlOk(client, config, [
      'exec',
      'deploy/httpd',
      '--',
      'cat',
      '/usr/local/apache2/htdocs/index.html',
    ]);
    expect(served).toContain('Edited in Files');
    const escape = await app.dispatch('files:read', {
      lab,
      root: 'control-plane/mnt',
      path: '../home/x',
    });
    expect(escape).toMatchObject({ error: { code: 'BAD_PATH' } });
  });

  it('preview:open serves the Service through the node, with its own secret', async () => {
    const opened = await call<{ url: string; target: string }>('preview:open', {
      lab,
      service: 'httpd',
      port: 80,
    });
    expect(opened.target).toBe('httpd.default.svc:80');
    const first = await fetch(opened.url, { redirect: 'manual' });
    expect(first.status).toBe(302);
    const cookie = (first.headers.get('set-cookie') ?? '').split(';')[0]!;
    const page = await fetch(new URL('/', opened.url), { headers: { cookie } });
    expect(page.status).toBe(200);
    expect(await page.text()).toContain('Edited in Files');
    expect((await fetch(new URL('/', opened.url))).status).toBe(401);
    const again = await call<{ url: string }>('preview:open', { lab, service: 'httpd', port: 80 });
    expect(again.url).toBe(opened.url);
    const wrongPort = await app.dispatch('preview:open', { lab, service: 'httpd', port: 81 });
    expect(wrongPort).toMatchObject({
      error: { code: 'NO_SERVICE_PORT', fix: 'Its ports are: 80/TCP.' },
    });
  });

  it('terminal:open with a pod follows its logs and opens a shell in it', async () => {
    const { caller, close } = createCaller('desktop-it');
    const output = new Map<string, string>();
    const off = app.bus.subscribe((message, to) => {
      if (message.event !== 'terminalData' || to !== caller.id) return;
      const data = message.payload;
      output.set(data.sessionId, (output.get(data.sessionId) ?? '') + data.data);
    });
    try {
      const config = await existingLabConfig(lab);
      const pod = (
        await kubectlOk(client, config, [
          'get',
          'pods',
          '-l',
          'app=httpd',
          '-o',
          'jsonpath={.items[0].metadata.name}',
        ])
      ).trim();
      const shell = await app.dispatch(
        'terminal:open',
        { lab, node: 'control-plane', pod: { name: pod, action: 'shell' } },
        caller,
      );
      if ('error' in shell) throw new Error(JSON.stringify(shell.error));
      const { sessionId } = shell.result as { sessionId: string };
      await app.dispatch(
        'terminal:write',
        { sessionId, data: 'cat /usr/local/apache2/htdocs/index.html\r' },
        caller,
      );
      await waitFor('the pod shell prints the file', 30_000, () =>
        Promise.resolve((output.get(sessionId) ?? '').includes('Edited in Files')),
      );
      const logs = await app.dispatch(
        'terminal:open',
        { lab, node: 'control-plane', pod: { name: pod, action: 'logs' } },
        caller,
      );
      if ('error' in logs) throw new Error(JSON.stringify(logs.error));
      const logsId = (logs.result as { sessionId: string }).sessionId;
      expect(logsId).not.toBe(sessionId);
      await waitFor('httpd logs', 30_000, () =>
        Promise.resolve(/AH00094|resuming normal operations/.test(output.get(logsId) ?? '')),
      );
    } finally {
      off();
      close();
    }
  });
});
