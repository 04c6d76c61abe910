// `kubelab up`: create a lab, warm-start a stopped one, or repair a broken one — whichever the
// lab's Docker objects and state call for. Exits only when every node is Ready and CoreDNS
// answers. Learner data folders are never touched here.
import { randomBytes } from 'node:crypto';
import { mkdir, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import type Docker from 'dockerode';
import { LabError } from '../api/errors.ts';
import { engineStatus } from '../engine/status.ts';
import type { NodeMode } from '../engine/node-mode.ts';
import { imageRef } from '../images/hash.ts';
import type { LabConfig, NodeSpec } from './config.ts';
import { controlPlane, labConfig } from './config.ts';
import {
  dnsAnswers,
  kubectl,
  kubectlOk,
  readyNodes,
  waitFor,
  waitForApiServer,
} from './cluster.ts';
import { findNodes } from './discover.ts';
import type { FoundNode } from './discover.ts';
import { requireLabImages } from './images-check.ts';
import { initConfig, joinConfig } from './kubeadm-config.ts';
import { hostKubeconfigPath, writeKubeconfigs } from './kubeconfig.ts';
import { withLabLock } from './lock.ts';
import { ensureNetwork } from './network.ts';
import { createNode, varVolumeName } from './node-container.ts';
import { execInContainer, writeFileInNode } from './node-exec.ts';
import { configureNodeNetwork, recordPodCidr, waitForContainerd } from './node-setup.ts';
import { runPhases } from './phases.ts';
import type { Phase, PhaseReport } from './phases.ts';
import { ensureRegistry, freePort, syncRegistry } from './registry.ts';
import { readState, writeState } from './state.ts';
import type { LabState } from './state.ts';
import { STORAGE_NAMESPACE } from './addons/storage.ts';
import { NETWORK_POLICY_DAEMONSET } from './addons/network-policy.ts';
import { pickSubnetIndex } from './subnet-pick.ts';
import { ensureAddons, installCoreDns } from './actions/ensure-addons.ts';
import { retryIfStalled } from './actions/retry-if-stalled.ts';

export interface UpOptions {
  lab: string;
  nodes?: number;
  onProgress?: (report: PhaseReport) => void;
  signal?: AbortSignal;
}

export interface UpResult {
  lab: string;
  start: 'cold' | 'warm';
  apiPort: number;
  kubeconfig: string;
  timings: Record<string, number>;
  totalSeconds: number;
}

async function removeNodeContainer(client: Docker, found: FoundNode): Promise<void> {
  await client.getContainer(found.id).remove({ force: true, v: false });
  await client
    .getVolume(varVolumeName(found.container))
    .remove()
    .catch(() => undefined);
}

async function logTo(config: LabConfig, name: string, text: string): Promise<void> {
  await mkdir(join(config.dir, 'logs'), { recursive: true });
  await writeFile(join(config.dir, 'logs', name), text);
}

async function kubeadmRun(
  client: Docker,
  config: LabConfig,
  node: NodeSpec,
  what: string,
  args: string[],
): Promise<void> {
  const result = await execInContainer(client, node.container, ['kubeadm', ...args, '-v=1']);
  await logTo(config, `kubeadm-${what}-${node.name}.log`, result.stdout + result.stderr);
  if (result.exitCode !== 0) {
    const tail = (result.stderr || result.stdout).trim().split('\n').slice(-12).join('\n');
    throw new LabError('BOOTSTRAP_FAILED', `kubeadm ${what} failed on ${node.name}:\n${tail}`, {
      fix: `The full output is in ${join(config.dir, 'logs')}. Run \`kubelab up\` again: an unfinished lab is rebuilt from scratch (your data folders are kept).`,
    });
  }
}

function startNodes(client: Docker, config: LabConfig, nodes: NodeSpec[]): Promise<void[]> {
  return Promise.all(
    nodes.map(async (node) => {
      try {
        await client.getContainer(node.container).start();
      } catch (error) {
        const message = error instanceof Error ? error.message : String(error);
        if (/port is already allocated|address already in use/i.test(message)) {
          throw new LabError(
            'PORT_IN_USE',
            `The API server's host port of lab "${config.name}" is taken by another program.`,
            {
              fix: `Free that port, or recreate the lab on a new port: kubelab down --lab ${config.name} --purge --yes && kubelab up --lab ${config.name}`,
            },
          );
        }
        if (!/already started|304/i.test(message)) throw error;
      }
      await waitForContainerd(client, node);
      await configureNodeNetwork(client, config, node);
    }),
  );
}

async function joinWorker(
  client: Docker,
  config: LabConfig,
  node: NodeSpec,
  token: string,
): Promise<void> {
  // A node name can be left over from a removed container: the new kubelet must register afresh.
  await kubectl(client, config, [
    'delete',
    'node',
    node.name,
    '--ignore-not-found',
    '--wait=false',
  ]);
  await writeFileInNode(
    client,
    node.container,
    '/kind/kubeadm-join.yaml',
    joinConfig(config, node, token),
  );
  await kubeadmRun(client, config, node, 'join', ['join', '--config', '/kind/kubeadm-join.yaml']);
  // kubeadm returns once the kubelet has its credentials; the Node object follows shortly.
  await waitFor(
    `${node.name} to register`,
    60_000,
    async () => (await kubectl(client, config, ['get', 'node', node.name])).exitCode === 0,
  );
  await recordPodCidr(node, (args) => kubectlOk(client, config, args));
}

async function waitReady(
  client: Docker,
  config: LabConfig,
  report: (message: string) => void,
): Promise<void> {
  const names = config.nodes.map((node) => node.name);
  await waitFor(`nodes ${names.join(', ')} to be Ready`, 180_000, async () => {
    const ready = await readyNodes(client, config);
    report(`${ready.length}/${names.length} nodes Ready`);
    return names.every((name) => ready.includes(name));
  });
  for (const node of config.nodes)
    await recordPodCidr(node, (args) => kubectlOk(client, config, args));
  report('waiting for CoreDNS to answer');
  await waitFor('CoreDNS to answer kubernetes.default', 180_000, () => dnsAnswers(client, config));
  report('waiting for the storage provisioner');
  await waitFor('the storage provisioner to be available', 120_000, async () => {
    const out = await kubectlOk(client, config, [
      'get',
      'deployment',
      'local-path-provisioner',
      '-n',
      STORAGE_NAMESPACE,
      '-o',
      'jsonpath={.status.availableReplicas}',
    ]);
    return out.trim() === '1';
  });
  // A policy applied right after `up` must be enforced: every node runs its controller.
  report('waiting for the NetworkPolicy controller on every node');
  await waitFor('the NetworkPolicy controller on every node', 120_000, async () => {
    const out = await kubectlOk(client, config, [
      'get',
      'daemonset',
      NETWORK_POLICY_DAEMONSET,
      '-n',
      'kube-system',
      '-o',
      'jsonpath={.status.numberReady}/{.status.desiredNumberScheduled}',
    ]);
    return out.trim() === `${config.nodes.length}/${config.nodes.length}`;
  });
}

export async function labUp(client: Docker, options: UpOptions): Promise<UpResult> {
  return withLabLock(options.lab, 'kubelab up', async () => {
    const started = Date.now();
    const engine = await engineStatus(client);
    if (!engine.reachable || engine.problem) {
      throw new LabError(
        'ENGINE_UNUSABLE',
        engine.problem?.message ?? 'The Docker engine is not usable.',
        { fix: engine.problem?.fix ?? 'Run `kubelab doctor`.' },
      );
    }
    const mode = engine.nodeMode as NodeMode;
    const missingWorkloads = await requireLabImages(client);
    const previous = await readState(options.lab);
    const found = await findNodes(client, options.lab);
    const nodeCount = options.nodes ?? previous?.nodeCount ?? 1;
    const subnetIndex = previous?.subnetIndex ?? (await pickSubnetIndex(client, options.lab));
    const config = labConfig(options.lab, nodeCount, subnetIndex);
    const cp = controlPlane(config);
    const warm = previous?.bootstrapped === true && found.has(cp.name);
    const state: LabState =
      previous && warm
        ? { ...previous, nodeCount }
        : {
            name: options.lab,
            nodeCount,
            subnetIndex,
            apiPort: await freePort(),
            token: `${randomBytes(3).toString('hex')}.${randomBytes(8).toString('hex')}`,
            createdAt: new Date().toISOString(),
            bootstrapped: false,
          };
    const nodeImage = await imageRef('node');
    const create = (node: NodeSpec): Promise<Docker.Container> =>
      createNode(client, config, node, {
        image: nodeImage,
        mode,
        cgroupVersion: engine.cgroupVersion,
        ...(node.role === 'control-plane' ? { apiPort: state.apiPort } : {}),
      });

    const phases: Phase[] = [
      { name: 'network', weight: 1, run: () => ensureNetwork(client, config) },
      {
        name: 'registry',
        weight: 3,
        run: async (report) => {
          // The registry phase has been seen to stall with nothing left to wait on (cause not
          // found yet); it is idempotent, so a stalled start is given one more try.
          const port = await retryIfStalled(
            'the lab registry to start',
            60_000,
            () => ensureRegistry(client, config),
            () => report('the registry start stalled; trying once more'),
          );
          if (missingWorkloads.length) {
            report(
              `not built, so not served: ${missingWorkloads.join(', ')} (kubelab images build ${missingWorkloads.join(' ')})`,
            );
          }
          // Pushes take minutes only when there is a lot to push; five is ample.
          await retryIfStalled(
            'the lab registry to be filled',
            300_000,
            () =>
              syncRegistry(client, port, missingWorkloads, (name, i, n) =>
                report(`pushing ${name} (${i}/${n})`),
              ),
            () => report('filling the registry stalled; trying once more'),
          );
        },
      },
    ];
    if (!warm) {
      phases.push(
        {
          name: 'nodes',
          weight: 4,
          run: async (report) => {
            // An unfinished or half-deleted lab starts over: its node containers go, data stays.
            for (const stale of found.values()) await removeNodeContainer(client, stale);
            report(`creating ${config.nodes.length} node container(s)`);
            for (const node of config.nodes) await create(node);
            await startNodes(client, config, config.nodes);
          },
        },
        {
          name: 'control plane',
          weight: 10,
          run: async (report) => {
            report('kubeadm init');
            await writeFileInNode(
              client,
              cp.container,
              '/kind/kubeadm.yaml',
              initConfig(config, state.token),
            );
            await kubeadmRun(client, config, cp, 'init', [
              'init',
              '--config',
              '/kind/kubeadm.yaml',
              '--skip-token-print',
            ]);
            await recordPodCidr(cp, (args) => kubectlOk(client, config, args));
            // Here rather than in the add-ons phase so CoreDNS starts while workers join.
            report('CoreDNS with the offline Corefile');
            await installCoreDns(client, config);
          },
        },
        {
          name: 'join',
          weight: 5,
          run: async (report) => {
            const workers = config.nodes.filter((node) => node.role === 'worker');
            report(
              workers.length
                ? `kubeadm join ${workers.map((w) => w.name).join(', ')}`
                : 'no workers',
            );
            await Promise.all(workers.map((node) => joinWorker(client, config, node, state.token)));
          },
        },
      );
    } else {
      phases.push({
        name: 'nodes',
        weight: 4,
        run: async (report) => {
          // Extra workers (a smaller --nodes) leave the cluster; missing ones are created and join.
          for (const [name, node] of found) {
            if (!config.nodes.some((spec) => spec.name === name)) {
              report(`removing ${name}`);
              await kubectl(client, config, ['delete', 'node', name, '--ignore-not-found']);
              await removeNodeContainer(client, node);
            }
          }
          const existing = config.nodes.filter((node) => found.has(node.name));
          report(`starting ${existing.map((n) => n.name).join(', ')}`);
          await startNodes(client, config, existing);
          const missing = config.nodes.filter((node) => !found.has(node.name));
          for (const node of missing) {
            report(`recreating ${node.name}`);
            await create(node);
            await startNodes(client, config, [node]);
          }
          if (missing.length) {
            await waitForApiServer(client, config);
            await Promise.all(missing.map((node) => joinWorker(client, config, node, state.token)));
          }
          // Other nodes route to a recreated node's pod subnet again.
          if (missing.length)
            for (const node of existing) await configureNodeNetwork(client, config, node);
        },
      });
    }
    phases.push(
      {
        name: 'add-ons',
        weight: 2,
        run: async (report) => {
          await waitForApiServer(client, config);
          await ensureAddons(client, config, report);
        },
      },
      {
        name: 'ready',
        weight: 5,
        run: async (report) => {
          await waitReady(client, config, report);
          await writeKubeconfigs(client, config, state.apiPort);
        },
      },
    );
    // Written before any container exists: an interrupted start is then known to be unfinished.
    await writeState(state);
    const timings = await runPhases(
      phases,
      options.onProgress ?? (() => undefined),
      options.signal,
    );
    const totalSeconds = (Date.now() - started) / 1000;
    await writeState({ ...state, bootstrapped: true, lastUp: timings });
    return {
      lab: options.lab,
      start: warm ? 'warm' : 'cold',
      apiPort: state.apiPort,
      kubeconfig: hostKubeconfigPath(config),
      timings,
      totalSeconds,
    };
  });
}
