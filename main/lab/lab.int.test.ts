// The lab cluster for real: a real engine, real node containers, real Kubernetes. Slow (minutes);
// run alone with `npx vitest run --project integration main/lab`.
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { docker } from '../engine/docker.ts';
import { labConfig } from './config.ts';
import type { LabConfig } from './config.ts';
import { kubectl, kubectlOk, waitFor } from './cluster.ts';
import { labDown } from './down.ts';
import { nodeSh } from './node-exec.ts';
import { labReset } from './reset.ts';
import { labStatus } from './status.ts';
import { labUp } from './up.ts';
import { findNodes } from './discover.ts';
import { readState } from './state.ts';

const client = docker();

/** The lab's real config: its subnet depends on which other labs exist on this engine. */
async function configOf(lab: string): Promise<LabConfig> {
  const state = await readState(lab);
  if (!state) throw new Error(`lab ${lab} has no state`);
  return labConfig(lab, state.nodeCount, state.subnetIndex);
}

async function sh(config: LabConfig, node: string, script: string): Promise<string> {
  return nodeSh(client, config.nodes.find((n) => n.name === node)!.container, script);
}

/** Waits (bounded) until the pods are Ready. */
async function podsReady(config: LabConfig, ...names: string[]): Promise<void> {
  const args = [
    'wait',
    '--for=condition=Ready',
    ...names.map((name) => `pod/${name}`),
    '--timeout=5s',
  ];
  await waitFor(
    `${names.join(', ')} Ready`,
    120_000,
    async () => (await kubectl(client, config, args)).exitCode === 0,
  );
}

async function podIp(config: LabConfig, name: string): Promise<string> {
  return (
    await kubectlOk(client, config, ['get', 'pod', name, '-o', 'jsonpath={.status.podIP}'])
  ).trim();
}

async function apply(config: LabConfig, yaml: string): Promise<void> {
  await kubectlOk(client, config, ['apply', '-f', '-'], yaml);
}

/** Retries `read` (bounded) until its text shows nginx's welcome page. */
async function expectEventually(
  read: () => Promise<string>,
  text = 'Welcome to nginx!',
): Promise<void> {
  let last = '';
  await waitFor(`"${text}"`, 30_000, async () => {
    last = await read();
    return last.includes(text);
  }).catch(() => undefined);
  expect(last).toContain(text);
}

function pod(name: string, node: string, image: string, extra = ''): string {
  return `apiVersion: v1
kind: Pod
metadata: {name: ${name}, labels: {app: ${name}}}
spec:
  nodeName: ${node}
  containers:
  - name: main
    image: ${image}
${extra}`;
}

describe('a 1-node lab', () => {
  const lab = 'it-one';
  afterAll(() => labDown(client, { lab, purge: true, data: true }));

  it('reaches Ready with the real kube-system components running', async () => {
    const result = await labUp(client, { lab, nodes: 1 });
    expect(result.start).toBe('cold');
    const config = await configOf(lab);
    const pods = await kubectlOk(client, config, [
      'get',
      'pods',
      '-n',
      'kube-system',
      '--no-headers',
    ]);
    for (const component of [
      'etcd-control-plane',
      'kube-apiserver-control-plane',
      'kube-controller-manager-control-plane',
      'kube-scheduler-control-plane',
      'kube-proxy-',
      'coredns-',
    ]) {
      expect(pods).toMatch(new RegExp(`^${component}\\S*\\s+1/1\\s+Running`, 'm'));
    }
    const status = await labStatus(client, lab);
    expect(status.problems).toEqual([]);
    expect(status.nodes[0]).toMatchObject({
      name: 'control-plane',
      ready: true,
      podCidr: '10.0.1.0/24',
      bridge: { name: 'cni0' },
    });
    // The host kubeconfig talks to the published API server.
    const kubeconfig = await readFile(result.kubeconfig, 'utf8');
    expect(kubeconfig).toContain(`https://127.0.0.1:${result.apiPort}`);
  });
});

describe('a 3-node lab', () => {
  const lab = 'it-three';
  let config: LabConfig;

  beforeAll(async () => {
    await labUp(client, { lab, nodes: 3 });
    config = await configOf(lab);
  });
  afterAll(() => labDown(client, { lab, purge: true, data: true }));

  it('has three Ready nodes, each with its own pod subnet on cni0', async () => {
    const status = await labStatus(client, lab);
    expect(status.nodes.map((n) => [n.name, n.ready, n.podCidr])).toEqual([
      ['control-plane', true, '10.0.1.0/24'],
      ['worker1', true, '10.0.2.0/24'],
      ['worker2', true, '10.0.3.0/24'],
    ]);
  });

  it('routes pod to pod across nodes by IP, and node to pod', async () => {
    await apply(config, pod('web-a', 'worker1', 'nginx:latest'));
    await apply(
      config,
      pod('client-b', 'worker2', 'appropriate/curl:latest', '    command: [sleep, infinity]'),
    );
    await podsReady(config, 'web-a', 'client-b');
    const ip = await podIp(config, 'web-a');
    expect(ip).toMatch(/^10\.0\.2\./);
    const fromPod = await kubectlOk(client, config, [
      'exec',
      'client-b',
      '--',
      'curl',
      '-s',
      `http://${ip}/`,
    ]);
    expect(fromPod).toContain('Welcome to nginx!');
    expect(await sh(config, 'control-plane', `curl -s http://${ip}/`)).toContain(
      'Welcome to nginx!',
    );
  });

  it('serves a Service by ClusterIP and DNS name, and a NodePort from another node and the host', async () => {
    await kubectlOk(client, config, [
      'expose',
      'pod',
      'web-a',
      '--name=web',
      '--port=80',
      '--type=NodePort',
    ]);
    const clusterIp = (
      await kubectlOk(client, config, ['get', 'svc', 'web', '-o', 'jsonpath={.spec.clusterIP}'])
    ).trim();
    const nodePort = (
      await kubectlOk(client, config, [
        'get',
        'svc',
        'web',
        '-o',
        'jsonpath={.spec.ports[0].nodePort}',
      ])
    ).trim();
    expect(clusterIp).toMatch(/^10\.(9[6-9]|1[01]\d)\./);
    // kube-proxy programs a new Service within a second or two: poll, bounded.
    await expectEventually(() =>
      kubectlOk(client, config, [
        'exec',
        'client-b',
        '--',
        'curl',
        '-s',
        '-m',
        '2',
        `http://${clusterIp}/`,
      ]),
    );
    await expectEventually(() =>
      kubectlOk(client, config, [
        'exec',
        'client-b',
        '--',
        'curl',
        '-s',
        '-m',
        '2',
        'http://web.default.svc.cluster.local/',
      ]),
    );
    // NodePort on worker2's IP (web-a runs on worker1), asked from the control-plane node…
    await expectEventually(() =>
      sh(config, 'control-plane', `curl -s -m 2 http://${config.nodes[2]!.ip}:${nodePort}/`),
    );
    // …and from the host, where node IPs are routable on Linux.
    if (process.platform === 'linux') {
      await expectEventually(async () =>
        (await fetch(`http://${config.nodes[1]!.ip}:${nodePort}/`)).text(),
      );
    }
  });

  it('binds a claim on the minikube-hostpath class and its file lands in the host folder', async () => {
    await apply(
      config,
      `apiVersion: storage.k8s.io/v1
kind: StorageClass
metadata: {name: fast}
provisioner: k8s.io/minikube-hostpath
---
apiVersion: v1
kind: PersistentVolumeClaim
metadata: {name: data}
spec:
  storageClassName: fast
  accessModes: [ReadWriteOnce]
  resources: {requests: {storage: 1Gi}}
---
${pod(
  'writer',
  'worker2',
  'busybox:latest',
  `    command: [sh, -c, 'echo from-the-pod > /data/proof.txt && sleep 3600']
    volumeMounts: [{name: data, mountPath: /data}]
  volumes: [{name: data, persistentVolumeClaim: {claimName: data}}]`,
)}`,
    );
    await waitFor(
      'claim Bound',
      120_000,
      async () =>
        (
          await kubectlOk(client, config, ['get', 'pvc', 'data', '-o', 'jsonpath={.status.phase}'])
        ).trim() === 'Bound',
    );
    await podsReady(config, 'writer');
    const pv = (
      await kubectlOk(client, config, ['get', 'pvc', 'data', '-o', 'jsonpath={.spec.volumeName}'])
    ).trim();
    const { readdir } = await import('node:fs/promises');
    const folder = (await readdir(config.volumesDir)).find((entry) => entry.startsWith(pv));
    expect(folder, `a folder for ${pv} in ${config.volumesDir}`).toBeDefined();
    expect(await readFile(join(config.volumesDir, folder!, 'proof.txt'), 'utf8')).toBe(
      'from-the-pod\n',
    );
  });

  it('serves through a hostPath PV a file written in the node shell', async () => {
    await sh(
      config,
      'worker1',
      "mkdir -p /mnt/data && echo 'Hello from Kubernetes storage' > /mnt/data/index.html",
    );
    await apply(
      config,
      `apiVersion: v1
kind: PersistentVolume
metadata: {name: pv-local}
spec:
  storageClassName: manual
  capacity: {storage: 1Gi}
  accessModes: [ReadWriteOnce]
  hostPath: {path: /mnt/data}
---
apiVersion: v1
kind: PersistentVolumeClaim
metadata: {name: hostpath-pvc}
spec:
  storageClassName: manual
  accessModes: [ReadWriteOnce]
  resources: {requests: {storage: 1Gi}}
---
${pod(
  'httpd-pv',
  'worker1',
  'httpd:latest',
  `    volumeMounts: [{name: www, mountPath: /usr/local/apache2/htdocs}]
  volumes: [{name: www, persistentVolumeClaim: {claimName: hostpath-pvc}}]`,
)}`,
    );
    await podsReady(config, 'httpd-pv');
    expect(
      await sh(config, 'control-plane', `curl -s http://${await podIp(config, 'httpd-pv')}/`),
    ).toContain('Hello from Kubernetes storage');
    expect(
      await readFile(join(config.nodes[1]!.hostDirs.mnt, 'data', 'index.html'), 'utf8'),
    ).toContain('Hello from Kubernetes storage');
  });

  it('keeps pods over a stop and warm start', async () => {
    const before = await podIp(config, 'web-a');
    await labDown(client, { lab, purge: false, data: false });
    const result = await labUp(client, { lab });
    expect(result.start).toBe('warm');
    await podsReady(config, 'web-a');
    const after = await podIp(config, 'web-a');
    expect(after).toMatch(/^10\.0\.2\./);
    expect(await sh(config, 'worker2', `curl -s http://${after}/`)).toContain('Welcome to nginx!');
    expect(before).toMatch(/^10\.0\.2\./);
  });

  it('reset leaves no learner object behind', async () => {
    await kubectlOk(client, config, ['create', 'namespace', 'scratch']);
    await kubectlOk(client, config, ['create', 'configmap', 'learner-cm', '--from-literal=a=b']);
    await labReset(client, lab, true);
    await waitFor('learner objects gone', 60_000, async () => {
      const left = await kubectlOk(client, config, [
        'get',
        'pods,svc,pvc,cm,deploy',
        '-n',
        'default',
        '--no-headers',
        '-o',
        'name',
      ]);
      const pvs = await kubectlOk(client, config, ['get', 'pv', '--no-headers', '-o', 'name']);
      const scs = await kubectlOk(client, config, [
        'get',
        'storageclass',
        '--no-headers',
        '-o',
        'name',
      ]);
      const ns = await kubectl(client, config, ['get', 'ns', 'scratch']);
      return (
        left
          .trim()
          .split('\n')
          .filter((l) => l && !/service\/kubernetes|configmap\/kube-root-ca.crt/.test(l)).length ===
          0 &&
        pvs.trim() === '' &&
        scs.trim() === 'storageclass.storage.k8s.io/standard' &&
        ns.exitCode !== 0
      );
    });
    const { readdir } = await import('node:fs/promises');
    expect(await readdir(config.nodes[1]!.hostDirs.mnt)).toEqual([]);
  });

  it('reports a killed node and brings it back with up', async () => {
    await client.getContainer(config.nodes[2]!.container).remove({ force: true });
    const status = await labStatus(client, lab);
    expect(status.problems.join('\n')).toMatch(/worker2: its container is gone/);
    await labUp(client, { lab });
    const after = await labStatus(client, lab);
    expect(after.problems).toEqual([]);
    expect((await findNodes(client, lab)).get('worker2')?.running).toBe(true);
  });
});
