// The lab cluster for real: a real engine, real node containers, real Kubernetes. Slow (minutes);
// run alone with `npx vitest run --project integration main/lab`.
import { execFileSync, spawn } from 'node:child_process';
import { mkdir, mkdtemp, readFile, readdir, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { docker } from '../engine/docker.ts';
import { kubelabHome } from '../paths.ts';
import { labConfig } from './config.ts';
import type { LabConfig } from './config.ts';
import { kubectl, kubectlOk, waitFor } from './cluster.ts';
import { labDown } from './down.ts';
import { exportLogs } from './export-logs.ts';
import { labSuspend } from './suspend.ts';
import { listLabs } from './labs.ts';
import { mergeLabKubeconfig, removeLabKubeconfig } from './kubeconfig-file.ts';
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
    const components = [
      'etcd-control-plane',
      'kube-apiserver-control-plane',
      'kube-controller-manager-control-plane',
      'kube-scheduler-control-plane',
      'kube-proxy-',
      'kube-router-',
      'coredns-',
    ];
    const ready = (pods: string, component: string): boolean =>
      new RegExp(`^${component}\\S*\\s+1/1\\s+Running`, 'm').test(pods);
    // `up` promises Ready nodes and answering DNS; a static pod restarted by kubeadm may still be
    // finishing its readiness probe (seen: kube-scheduler 0/1 at 7 s), so give it a bounded while.
    let pods = '';
    await waitFor('every kube-system component Ready', 60_000, async () => {
      pods = await kubectlOk(client, config, ['get', 'pods', '-n', 'kube-system', '--no-headers']);
      return components.every((component) => ready(pods, component));
    }).catch(() => undefined);
    for (const component of components)
      expect(ready(pods, component), `${component}\n${pods}`).toBe(true);
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

  it('merges into a learner kubeconfig that real clients use; other entries stay byte-for-byte', async () => {
    const home = await mkdtemp(join(tmpdir(), 'kubelab-kubeconfig-'));
    const path = join(home, '.kube', 'config');
    const theirs = `apiVersion: v1
clusters:
- cluster:
    server: https://staging.invalid:6443
  name: staging
contexts:
- context:
    cluster: staging
    user: me
  name: staging
current-context: staging
kind: Config
preferences: {}
users:
- name: me
  user:
    token: abc
`;
    await mkdir(join(home, '.kube'));
    await writeFile(path, theirs);
    await mergeLabKubeconfig(lab, path);
    // The host's own kubectl (any version in the skew) and the official Python client, with
    // nothing set but the file kubectl would use anyway.
    const env: NodeJS.ProcessEnv = { ...process.env, HOME: home };
    delete env.KUBECONFIG;
    const kubectlNodes = execFileSync('kubectl', ['get', 'nodes', '-o', 'name'], { env });
    expect(kubectlNodes.toString().trim()).toBe('node/control-plane');
    const python = execFileSync(
      '/usr/bin/python3',
      [
        '-c',
        'from kubernetes import client, config; config.load_kube_config(); ' +
          'print(config.list_kube_config_contexts()[1]["name"], [n.metadata.name for n in client.CoreV1Api().list_node().items])',
      ],
      { env, cwd: home },
    );
    expect(python.toString().trim()).toBe(`kubelab-${lab} ['control-plane']`);
    const merged = await readFile(path, 'utf8');
    for (const line of theirs.split('\n').filter((l) => !l.startsWith('current-context'))) {
      expect(merged.split('\n')).toContain(line);
    }
    expect(await removeLabKubeconfig(lab, path)).toBe(true);
    expect(await readFile(path, 'utf8')).toBe(
      theirs.replace('current-context: staging', 'current-context: ""'),
    );
    await rm(home, { recursive: true, force: true });
  });

  it('runs the lab’s own kubectl on this machine: local files, -k DIR and kubelab env work from any folder', async () => {
    const cli = join(import.meta.dirname, '..', '..', 'bin', 'kubelab.js');
    const folder = await mkdtemp(join(tmpdir(), 'kubelab-learner-'));
    const run = (args: string[], input?: string): string =>
      execFileSync(process.execPath, [cli, ...args], {
        cwd: folder,
        input,
        env: { ...process.env, NO_COLOR: '1' },
      }).toString();
    await writeFile(
      join(folder, 'cm.yaml'),
      'apiVersion: v1\nkind: ConfigMap\nmetadata: {name: from-a-file}\ndata: {a: b}\n',
    );
    await mkdir(join(folder, 'kust'));
    await writeFile(
      join(folder, 'kust', 'kustomization.yaml'),
      'configMapGenerator:\n- name: from-kustomize\n  literals: [c=d]\ngeneratorOptions: {disableNameSuffixHash: true}\n',
    );
    expect(run(['kubectl', '--lab', lab, '--', 'apply', '-f', './cm.yaml'])).toContain(
      'configmap/from-a-file created',
    );
    expect(run(['kubectl', '--lab', lab, '--', 'apply', '-k', './kust'])).toContain(
      'configmap/from-kustomize created',
    );
    // The same version as the nodes' (the binary is theirs).
    const versions = JSON.parse(run(['kubectl', '--lab', lab, '--', 'version', '-o', 'json'])) as {
      clientVersion: { gitVersion: string };
      serverVersion: { gitVersion: string };
    };
    expect(versions.clientVersion.gitVersion).toBe(versions.serverVersion.gitVersion);
    // kubelab env, evaluated by a real bash with only the system's PATH and no KUBECONFIG: the
    // `kubectl` it then runs is the lab's (not the host's /usr/bin/kubectl), on the lab.
    const env: NodeJS.ProcessEnv = { ...process.env, PATH: '/usr/bin:/bin' };
    delete env.KUBECONFIG;
    const names = execFileSync(
      'bash',
      [
        '-c',
        `set -e; lines="$(${process.execPath} ${cli} env bash --lab ${lab})"; eval "$lines"; command -v kubectl; kubectl get cm -o name`,
      ],
      { cwd: folder, env },
    ).toString();
    expect(names).toContain(join(kubelabHome(), 'bin', 'kubectl'));
    expect(names).toContain('configmap/from-a-file');
    expect(names).toContain('configmap/from-kustomize');
    await rm(folder, { recursive: true, force: true });
  });

  it('is listed by kubelab labs with its nodes, state and disk', async () => {
    const listed = (await listLabs(client, true)).find((entry) => entry.name === lab);
    expect(listed).toMatchObject({ name: lab, nodes: 1, state: 'running' });
    // Its /var volume holds containerd's images and etcd: far more than a megabyte.
    expect(listed!.diskBytes.volumes).toBeGreaterThan(1_000_000);
    expect(listed!.diskBytes.folder).toBeGreaterThan(0);
  });

  it('suspends and resumes: up says resume, and no pod restarted meanwhile', async () => {
    const config = await configOf(lab);
    const restarts = (): Promise<string> =>
      kubectlOk(client, config, [
        'get',
        'pods',
        '-A',
        '-o',
        'jsonpath={range .items[*]}{.metadata.name}={.status.containerStatuses[0].restartCount} {end}',
      ]);
    const before = await restarts();
    const suspended = await labSuspend(client, lab);
    expect(suspended.suspended).toEqual(['control-plane']);
    expect(suspended.memoryBytes).toBeGreaterThan(100_000_000);
    expect((await labStatus(client, lab)).problems).toContain(
      'Node control-plane is suspended (kubelab up resumes it in seconds).',
    );
    const result = await labUp(client, { lab });
    expect(result.start).toBe('resume');
    expect(Object.keys(result.timings)).toContain('resume');
    expect(await restarts()).toBe(before);
  });

  it('exports its logs: kubelet, containerd, every pod, the events and its state', async () => {
    const dir = await mkdtemp(join(tmpdir(), 'kubelab-export-'));
    const result = await exportLogs(client, lab, dir);
    expect(result.skipped).toEqual([]);
    const node = join(dir, 'nodes', 'control-plane');
    expect(await readFile(join(node, 'kubelab', 'kubelet.log'), 'utf8')).toMatch(/kubelet|I\d{4}/);
    expect(await readFile(join(node, 'kubelab', 'containerd.log'), 'utf8')).toContain('containerd');
    const pods = await readdir(join(node, 'pods'));
    expect(pods.some((name) => name.startsWith('kube-system_coredns-'))).toBe(true);
    expect(await readFile(join(dir, 'events.txt'), 'utf8')).toContain('NAMESPACE');
    expect(JSON.parse(await readFile(join(dir, 'lab.json'), 'utf8'))).toMatchObject({ name: lab });
    expect(result.files).toBeGreaterThan(5);
    await rm(dir, { recursive: true, force: true });
  });

  it('kubelab preview prints a loopback URL that serves a Service until Ctrl-C', async () => {
    const config = await configOf(lab);
    await apply(config, pod('preview-web', 'control-plane', 'nginx:latest'));
    await kubectlOk(client, config, ['expose', 'pod', 'preview-web', '--port', '80']);
    await podsReady(config, 'preview-web');
    const cli = join(import.meta.dirname, '..', '..', 'bin', 'kubelab.js');
    const child = spawn(process.execPath, [cli, 'preview', '--lab', lab, 'preview-web'], {
      env: { ...process.env, NO_COLOR: '1' },
      stdio: ['ignore', 'pipe', 'inherit'],
    });
    try {
      const url = await new Promise<string>((resolve, reject) => {
        let out = '';
        child.stdout.on('data', (chunk: Buffer) => {
          out += chunk.toString();
          const line = /^(http:\/\/127\.0\.0\.1:\d+\/)$/m.exec(out);
          if (line) resolve(line[1]!);
        });
        child.once('exit', (code) => reject(new Error(`kubelab preview exited ${code}: ${out}`)));
      });
      // No secret: plain curl-style requests work, as with kubectl port-forward.
      await expectEventually(async () => (await fetch(url)).text());
      // Another Host (DNS rebinding) is refused.
      const port = new URL(url).port;
      const rebound = execFileSync('curl', [
        '-s',
        '-o',
        '/dev/null',
        '-w',
        '%{http_code}',
        '-H',
        'Host: evil.example',
        `http://127.0.0.1:${port}/`,
      ]);
      expect(rebound.toString()).toBe('401');
      const exited = new Promise<number | null>((resolve) => child.once('exit', resolve));
      child.kill('SIGINT');
      expect(await exited).toBe(0);
    } finally {
      child.kill('SIGKILL');
      await kubectl(client, config, ['delete', 'pod,service', 'preview-web', '--wait=false']);
    }
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

  // Every resolver family a learner meets behaves as in a real cluster: names outside the
  // cluster zones are NXDOMAIN (they were SERVFAIL, where musl stops walking the search list),
  // and search domains apply as each resolver applies them. BusyBox's own nslookup searches only
  // names without a dot (so `nslookup kubernetes.default` is NXDOMAIN with any busybox newer than
  // 1.28, on any cluster); BusyBox's other applets resolve through the C library, which searches.
  it('resolves short names through the search list in busybox, glibc and dig; unknown names are NXDOMAIN', async () => {
    await apply(
      config,
      `${pod('bb', 'worker1', 'busybox:latest', '    command: [sleep, "3600"]')}
---
apiVersion: v1
kind: Service
metadata: {name: hl}
spec:
  clusterIP: None
  selector: {app: member}
  ports: [{port: 80}]
---
apiVersion: v1
kind: Pod
metadata: {name: member, labels: {app: member}}
spec:
  hostname: member-0
  subdomain: hl
  nodeName: worker2
  containers: [{name: main, image: 'nginx:latest'}]`,
    );
    await podsReady(config, 'bb', 'member');
    const memberIp = await podIp(config, 'member');
    const inPod = async (name: string, ...command: string[]): Promise<string> => {
      const result = await kubectl(client, config, ['exec', name, '--', ...command]);
      return result.stdout + result.stderr;
    };
    // busybox nslookup: a dotless name goes down the search list; a full name resolves
    expect(await inPod('bb', 'nslookup', 'kubernetes')).toContain('10.96.0.1');
    let member = '';
    await waitFor('member-0.hl in DNS', 30_000, async () => {
      member = await inPod('bb', 'nslookup', 'member-0.hl.default.svc.cluster.local');
      return member.includes(memberIp);
    }).catch(() => undefined);
    expect(member).toContain(memberIp);
    // …a dotted short name is asked as-is: NXDOMAIN, as a real cluster's upstream answers
    const dotted = await inPod('bb', 'nslookup', 'kubernetes.default');
    expect(dotted).toMatch(/NXDOMAIN/);
    expect(dotted).not.toMatch(/SERVFAIL/);
    const unknown = await inPod('bb', 'nslookup', 'no-such-name.example');
    expect(unknown).toMatch(/NXDOMAIN/);
    expect(unknown).not.toMatch(/SERVFAIL/);
    // busybox's ping resolves through the C library: the search list applies to dotted names
    expect(await inPod('bb', 'ping', '-c', '1', '-W', '1', 'member-0.hl')).toContain(
      `(${memberIp})`,
    );
    // glibc's resolver (Debian-based curl image)
    expect(await inPod('client-b', 'getent', 'hosts', 'kubernetes.default')).toMatch(
      /^10\.96\.0\.1\s/,
    );
    expect(await inPod('client-b', 'getent', 'hosts', 'member-0.hl')).toContain(memberIp);
    // dig: the absolute name and the search list, and the rcode of a name outside the cluster
    expect(
      (await inPod('client-b', 'dig', '+short', 'kubernetes.default.svc.cluster.local')).trim(),
    ).toBe('10.96.0.1');
    expect((await inPod('client-b', 'dig', '+short', '+search', 'kubernetes.default')).trim()).toBe(
      '10.96.0.1',
    );
    expect(await inPod('client-b', 'dig', 'no-such-name.example')).toMatch(/status: NXDOMAIN/);
    // a reverse name outside the cluster ranges is answered, not failed
    expect(await inPod('client-b', 'dig', '-x', '192.0.2.1')).toMatch(/status: NXDOMAIN/);
  });

  // NetworkPolicy is enforced (kube-router's firewall controller): a deny-all closes pod-to-pod
  // traffic on one node and across nodes, and an allow rule opens exactly what it names.
  it('enforces NetworkPolicy: default-deny within a node and across nodes, an allow rule opens only its pods and port', async () => {
    const ns = 'np';
    await kubectlOk(client, config, ['create', 'namespace', ns]);
    const inNs = (yaml: string): Promise<void> =>
      kubectlOk(client, config, ['apply', '-n', ns, '-f', '-'], yaml).then(() => undefined);
    const sleeper = (name: string, node: string, role: string): string => `apiVersion: v1
kind: Pod
metadata: {name: ${name}, labels: {role: ${role}}}
spec:
  nodeName: ${node}
  containers: [{name: main, image: 'appropriate/curl:latest', command: [sleep, infinity]}]`;
    await inNs(`apiVersion: v1
kind: Pod
metadata: {name: server, labels: {app: server}}
spec:
  nodeName: worker1
  containers:
  - {name: web, image: 'nginx:latest'}
  - {name: other-port, image: 'python:latest', command: [python3, -m, http.server, '8080']}
---
${sleeper('friend', 'worker2', 'friend')}
---
${sleeper('stranger', 'worker1', 'stranger')}`);
    await waitFor(
      'np pods Ready',
      120_000,
      async () =>
        (
          await kubectl(client, config, [
            'wait',
            '-n',
            ns,
            '--for=condition=Ready',
            'pod',
            '--all',
            '--timeout=5s',
          ])
        ).exitCode === 0,
    );
    const serverIp = (
      await kubectlOk(client, config, [
        'get',
        'pod',
        '-n',
        ns,
        'server',
        '-o',
        'jsonpath={.status.podIP}',
      ])
    ).trim();
    const reaches = async (from: string, port: number): Promise<boolean> => {
      const result = await kubectl(client, config, [
        'exec',
        '-n',
        ns,
        from,
        '--',
        'curl',
        '-s',
        '-o',
        '/dev/null',
        '-m',
        '2',
        '-w',
        '%{http_code}',
        `http://${serverIp}:${port}/`,
      ]);
      return result.exitCode === 0 && result.stdout.trim() === '200';
    };
    /** Polls (bounded) until `from → port` is as expected; returns what was seen last. */
    const settle = async (from: string, port: number, open: boolean): Promise<boolean> => {
      let seen = !open;
      await waitFor(`${from} → ${port} ${open ? 'open' : 'closed'}`, 30_000, async () => {
        seen = await reaches(from, port);
        return seen === open;
      }).catch(() => undefined);
      return seen;
    };
    // before any policy: everything is open (the control)
    expect(await settle('friend', 80, true)).toBe(true);
    expect(await settle('stranger', 80, true)).toBe(true);
    expect(await settle('friend', 8080, true)).toBe(true);

    await inNs(`apiVersion: networking.k8s.io/v1
kind: NetworkPolicy
metadata: {name: default-deny}
spec:
  podSelector: {}
  policyTypes: [Ingress]`);
    expect(await settle('friend', 80, false), 'across nodes, denied').toBe(false);
    expect(await settle('stranger', 80, false), 'within a node, denied').toBe(false);

    await inNs(`apiVersion: networking.k8s.io/v1
kind: NetworkPolicy
metadata: {name: friend-to-web}
spec:
  podSelector: {matchLabels: {app: server}}
  policyTypes: [Ingress]
  ingress:
  - from: [{podSelector: {matchLabels: {role: friend}}}]
    ports: [{protocol: TCP, port: 80}]`);
    expect(await settle('friend', 80, true), 'the named pod and port re-open').toBe(true);
    expect(await reaches('stranger', 80), 'another pod stays shut out').toBe(false);
    expect(await reaches('friend', 8080), 'another port stays shut').toBe(false);

    // egress: the friend may send nothing at all now
    await inNs(`apiVersion: networking.k8s.io/v1
kind: NetworkPolicy
metadata: {name: friend-no-egress}
spec:
  podSelector: {matchLabels: {role: friend}}
  policyTypes: [Egress]`);
    expect(await settle('friend', 80, false), 'egress denied').toBe(false);

    await kubectlOk(client, config, ['delete', 'namespace', ns, '--wait=false']);
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

  it('keeps pods and their IPs over a stop and warm start', async () => {
    const before = await podIp(config, 'web-a');
    await labDown(client, { lab, purge: false, data: false });
    const result = await labUp(client, { lab });
    expect(result.start).toBe('warm');
    await podsReady(config, 'web-a');
    const after = await podIp(config, 'web-a');
    expect(before).toMatch(/^10\.0\.2\./);
    // The pod's new sandbox asked for its old address (sticky-pod-ips.ts).
    expect(after).toBe(before);
    expect(await sh(config, 'worker2', `curl -s http://${after}/`)).toContain('Welcome to nginx!');
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

  it('reports a killed node and `kubelab up` brings it back, then exits on its own', async () => {
    await client.getContainer(config.nodes[2]!.container).remove({ force: true });
    const status = await labStatus(client, lab);
    expect(status.problems.join('\n')).toMatch(/worker2: its container is gone/);
    // The command, not the function: a handle left open (an unread Docker response once kept
    // the process alive 5 minutes after "ready") shows only in a process of its own.
    const cli = join(import.meta.dirname, '..', '..', 'bin', 'kubelab.js');
    const child = spawn(process.execPath, [cli, 'up', '--lab', lab], {
      env: { ...process.env, NO_COLOR: '1' },
      stdio: ['ignore', 'pipe', 'inherit'],
    });
    let out = '';
    let readyAt = 0;
    child.stdout.on('data', (chunk: Buffer) => {
      out += chunk.toString();
      if (!readyAt && out.includes('is ready (')) readyAt = Date.now();
    });
    const code = await new Promise<number | null>((resolve) => child.once('exit', resolve));
    expect(out).toMatch(/is ready \(warm start/);
    expect(code).toBe(0);
    // Saying "ready" is the command's last act: it exits a moment later, not minutes later.
    expect(Date.now() - readyAt).toBeLessThan(30_000);
    const after = await labStatus(client, lab);
    expect(after.problems).toEqual([]);
    expect((await findNodes(client, lab)).get('worker2')?.running).toBe(true);
  });
});
