// The lab's own kubectl, on the learner's machine: the exact binary its nodes run, copied out of
// the control-plane container, so `kubelab kubectl -f ./file.yaml`, `-k DIR`, plugins and stdin
// behave as on any cluster (kubectl inside the node cannot see the learner's files). It is the
// same build as the nodes', so it only fits a Linux host of the nodes' architecture; elsewhere
// kubelab says so and runs kubectl inside the node instead.
import { chmod, mkdir, readFile, rename, rm, writeFile } from 'node:fs/promises';
import { createWriteStream, existsSync } from 'node:fs';
import { connect } from 'node:net';
import { join } from 'node:path';
import type { Readable } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import type Docker from 'dockerode';
import { kubelabHome } from '../paths.ts';
import { eachEntry } from '../images/bundle.ts';
import { nodeArchName } from '../engine/arch.ts';

/** Where the lab's kubectl is installed; `kubelab env` puts this folder on PATH. */
export function hostBinDir(): string {
  return join(kubelabHome(), 'bin');
}

export function hostKubectlPath(): string {
  return join(hostBinDir(), 'kubectl');
}

export type HostKubectl = { path: string } | { unavailable: string };

/**
 * Installs (or refreshes, when the lab's node image changed) the lab's kubectl in hostBinDir().
 * Cheap when it is already there: one container inspect and one small file read.
 */
export async function ensureHostKubectl(client: Docker, container: string): Promise<HostKubectl> {
  if (process.platform !== 'linux')
    return {
      unavailable: `the lab's kubectl is built for Linux and this is ${process.platform}`,
    };
  const info = await client.getContainer(container).inspect();
  const path = hostKubectlPath();
  const stamp = `${path}.image`;
  // Installed from this very image: its architecture was checked then.
  const installed = existsSync(path) ? await readFile(stamp, 'utf8').catch(() => '') : '';
  if (installed.trim() === info.Image) return { path };
  const arch = nodeArchName((await client.getImage(info.Image).inspect()).Architecture);
  if (arch !== process.arch)
    return {
      unavailable: `the lab's kubectl is built for ${arch} and this machine is ${process.arch}`,
    };
  await mkdir(hostBinDir(), { recursive: true });
  // Written beside the target and renamed over it, so a running kubectl is never half-replaced.
  const tmp = `${path}.tmp-${process.pid}`;
  try {
    const archive = (await client
      .getContainer(container)
      .getArchive({ path: '/usr/local/bin/kubectl' })) as Readable;
    let found = false;
    await eachEntry(archive, async (name, entry) => {
      if (name !== 'kubectl') return void entry.resume();
      found = true;
      await pipeline(entry, createWriteStream(tmp, { mode: 0o755 }));
    });
    if (!found) return { unavailable: 'the node image has no /usr/local/bin/kubectl' };
    await chmod(tmp, 0o755);
    await rename(tmp, path);
    await writeFile(stamp, `${info.Image}\n`);
    return { path };
  } finally {
    await rm(tmp, { force: true });
  }
}

/**
 * Whether the API server in a kubeconfig answers a TCP connect from this machine (a lab on
 * another engine, e.g. in another network namespace, publishes its port there, not here).
 */
export async function apiReachable(kubeconfigText: string, timeoutMs = 1000): Promise<boolean> {
  const server = /^\s*server:\s*https:\/\/([^:/\s]+):(\d+)/m.exec(kubeconfigText);
  if (!server) return false;
  const [, host, port] = server;
  return new Promise((resolve) => {
    const socket = connect({ host: host!, port: Number(port) });
    const done = (ok: boolean): void => {
      socket.destroy();
      resolve(ok);
    };
    socket.setTimeout(timeoutMs, () => done(false));
    socket.once('connect', () => done(true));
    socket.once('error', () => done(false));
  });
}
