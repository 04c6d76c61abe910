// The lab's own kubectl, on the learner's machine, so `kubelab kubectl -f ./file.yaml`, `-k DIR`,
// plugins and stdin behave as on any cluster (kubectl inside the node cannot see the learner's
// files). An installed app carries one built for its OS and CPU at the nodes' Kubernetes version
// (resources/kubectl, main/packaging/host-kubectl.ts); from a checkout, the binary the nodes run
// is copied out of the control-plane container, which fits a Linux host of the nodes'
// architecture only. Elsewhere kubelab says so and runs kubectl inside the node instead.
import { chmod, copyFile, mkdir, readFile, rename, rm, stat, writeFile } from 'node:fs/promises';
import { createWriteStream, existsSync } from 'node:fs';
import { connect } from 'node:net';
import { join } from 'node:path';
import type { Readable } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import type Docker from 'dockerode';
import { installedResources, kubelabHome } from '../paths.ts';
import { eachEntry } from '../images/bundle.ts';
import { nodeArchName } from '../engine/arch.ts';

/** Where the lab's kubectl is installed; `kubelab env` puts this folder on PATH. */
export function hostBinDir(): string {
  return join(kubelabHome(), 'bin');
}

export function hostKubectlPath(): string {
  return join(hostBinDir(), process.platform === 'win32' ? 'kubectl.exe' : 'kubectl');
}

/** The kubectl an installed app carries for this computer, if any. */
function carriedKubectl(): string | null {
  const resources = installedResources();
  if (!resources) return null;
  const path = join(resources, 'kubectl', process.platform === 'win32' ? 'kubectl.exe' : 'kubectl');
  return existsSync(path) ? path : null;
}

/** Replaces target with what write() puts beside it, so a running kubectl is never half-replaced. */
async function replaceBinary(
  target: string,
  stamp: string,
  write: (tmp: string) => Promise<boolean>,
): Promise<boolean> {
  await mkdir(hostBinDir(), { recursive: true });
  const tmp = `${target}.tmp-${process.pid}`;
  try {
    if (!(await write(tmp))) return false;
    await chmod(tmp, 0o755);
    await rename(tmp, target);
    await writeFile(`${target}.image`, `${stamp}\n`);
    return true;
  } finally {
    await rm(tmp, { force: true });
  }
}

export type HostKubectl = { path: string } | { unavailable: string };

/**
 * Installs (or refreshes, when the lab's node image changed) the lab's kubectl in hostBinDir().
 * Cheap when it is already there: one container inspect and one small file read.
 */
export async function ensureHostKubectl(client: Docker, container: string): Promise<HostKubectl> {
  const path = hostKubectlPath();
  const installed = existsSync(path)
    ? (await readFile(`${path}.image`, 'utf8').catch(() => '')).trim()
    : '';
  const carried = carriedKubectl();
  if (carried) {
    // Stamped with the carried file's size and time: an app update brings a new one.
    const { size, mtimeMs } = await stat(carried);
    const stamp = `carried ${carried} ${size} ${mtimeMs}`;
    if (installed === stamp) return { path };
    await replaceBinary(path, stamp, async (tmp) => {
      await copyFile(carried, tmp);
      return true;
    });
    return { path };
  }
  if (process.platform !== 'linux')
    return {
      unavailable: `the lab's kubectl is built for Linux and this is ${process.platform}`,
    };
  const info = await client.getContainer(container).inspect();
  // Installed from this very image: its architecture was checked then.
  if (installed === info.Image) return { path };
  const arch = nodeArchName((await client.getImage(info.Image).inspect()).Architecture);
  if (arch !== process.arch)
    return {
      unavailable: `the lab's kubectl is built for ${arch} and this machine is ${process.arch}`,
    };
  const copied = await replaceBinary(path, info.Image, async (tmp) => {
    const archive = (await client
      .getContainer(container)
      .getArchive({ path: '/usr/local/bin/kubectl' })) as Readable;
    let found = false;
    await eachEntry(archive, async (name, entry) => {
      if (name !== 'kubectl') return void entry.resume();
      found = true;
      await pipeline(entry, createWriteStream(tmp, { mode: 0o755 }));
    });
    return found;
  });
  return copied ? { path } : { unavailable: 'the node image has no /usr/local/bin/kubectl' };
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
