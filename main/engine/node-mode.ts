// Decides how node containers get the powers a kubelet needs. Docker Desktop allows
// --privileged; some engines (this project's CI sandbox among them) refuse it because a
// capability is missing from their bounding set, and need the explicit-capabilities recipe.
// Detected by starting a throw-away container from an empty image: runc applies capabilities
// before it looks for the entrypoint, so "no such file" means the mode works and "unable to
// apply caps" means it does not — no real image is needed for the probe.
import type Docker from 'dockerode';
import { Readable } from 'node:stream';
import { followToEnd, imageExists } from './images.ts';
import { labLabels } from './labels.ts';
import {
  dropNodeModeMemo,
  memoFor,
  readNodeModeMemo,
  writeNodeModeMemo,
} from './node-mode-memo.ts';

export type NodeMode = 'privileged' | 'explicit-capabilities';

const PROBE_IMAGE = 'kubelab/probe:empty';

/** HostConfig fields that give a node container its powers in each mode. */
export function nodeSecurityConfig(mode: NodeMode): Docker.HostConfig {
  if (mode === 'privileged')
    return { Privileged: true, SecurityOpt: ['seccomp=unconfined', 'apparmor=unconfined'] };
  // `docker run --security-opt systempaths=unconfined` is CLI sugar for empty Masked/ReadonlyPaths.
  return {
    CapAdd: ['ALL'],
    CapDrop: ['SYS_RESOURCE'],
    SecurityOpt: ['seccomp=unconfined', 'apparmor=unconfined'],
    MaskedPaths: [],
    ReadonlyPaths: [],
    // Privileged containers may use every device; without it, runc inside the node cannot give
    // a privileged pod (kube-proxy) more devices than the node's own cgroup allows.
    DeviceCgroupRules: ['a *:* rwm'],
  };
}

export interface ModeProbe {
  mode: NodeMode;
  works: boolean;
  /** The engine's own words when the mode failed. */
  reason: string;
}

async function ensureProbeImage(client: Docker): Promise<void> {
  if (await imageExists(client, PROBE_IMAGE)) return;
  // Not there yet: import an empty tar (two zero blocks).
  const stream = await client.importImage(Readable.from([Buffer.alloc(1024)]), {
    repo: 'kubelab/probe',
    tag: 'empty',
    changes: Object.entries(labLabels('probe')).map(([k, v]) => `LABEL ${k}=${v}`),
  });
  await followToEnd(client, stream);
}

export async function probeMode(client: Docker, mode: NodeMode): Promise<ModeProbe> {
  let container: Docker.Container;
  try {
    await ensureProbeImage(client);
    container = await client.createContainer({
      Image: PROBE_IMAGE,
      Entrypoint: ['/kubelab-probe-does-not-exist'],
      Labels: labLabels('probe'),
      HostConfig: nodeSecurityConfig(mode),
      NetworkDisabled: true,
    });
  } catch (error) {
    return { mode, works: false, reason: error instanceof Error ? error.message : String(error) };
  }
  try {
    await container.start();
    return { mode, works: true, reason: 'started' };
  } catch (error) {
    const reason = error instanceof Error ? error.message : String(error);
    const works = /no such file or directory|executable file not found/i.test(reason);
    return { mode, works, reason: works ? 'capabilities applied' : reason };
  } finally {
    await container.remove({ force: true }).catch(() => undefined);
  }
}

const cache = new Map<string, NodeMode | null>();
/**
 * Each mode's probe, once per engine client until forgetNodeMode: the doctor reports both modes
 * right after engineStatus chose one, and used to start the same throw-away containers again.
 */
let probed = new WeakMap<Docker, Map<NodeMode, Promise<ModeProbe>>>();

export function probeModeOnce(client: Docker, mode: NodeMode): Promise<ModeProbe> {
  let byMode = probed.get(client);
  if (!byMode) probed.set(client, (byMode = new Map<NodeMode, Promise<ModeProbe>>()));
  let probe = byMode.get(mode);
  if (!probe) byMode.set(mode, (probe = probeMode(client, mode)));
  return probe;
}

/**
 * The best mode this engine allows (privileged first), or null when neither works. Asked once
 * per process and, across commands, remembered on disk (node-mode-memo.ts) under `fingerprint`.
 */
export async function detectNodeMode(
  client: Docker,
  fingerprint: string,
): Promise<NodeMode | null> {
  const inProcess = cache.get(fingerprint);
  if (inProcess !== undefined) return inProcess;
  const remembered = memoFor(await readNodeModeMemo(), fingerprint, Date.now());
  if (remembered !== undefined) {
    cache.set(fingerprint, remembered);
    return remembered;
  }
  let chosen: NodeMode | null = null;
  for (const mode of ['privileged', 'explicit-capabilities'] as const) {
    if ((await probeModeOnce(client, mode)).works) {
      chosen = mode;
      break;
    }
  }
  cache.set(fingerprint, chosen);
  if (chosen) await writeNodeModeMemo({ fingerprint, mode: chosen, probedAt: Date.now() });
  return chosen;
}

/** Forget what this process and the disk remember, so the next question probes the engine. */
export async function forgetNodeMode(): Promise<void> {
  cache.clear();
  probed = new WeakMap();
  await dropNodeModeMemo();
}
