// A throwaway Docker engine with no images at all — "a machine on its first run" — without
// touching the shared engine: its own dockerd with its own data-root, exec-root and socket, no
// iptables rules, and its OWN default bridge (created and removed here). Never `--bridge=none`:
// a dockerd started with it deletes the host's docker0 (moby's removeDefaultBridgeInterface),
// which is the shared engine's default bridge — its builds then fail with "could not find bridge
// docker0". Only the process started here is ever stopped, by its pid; its data-root and bridge
// are removed afterwards.
import { spawn, spawnSync } from 'node:child_process';
import type { ChildProcess } from 'node:child_process';
import { mkdirSync, openSync, readFileSync, rmSync } from 'node:fs';
import Docker from 'dockerode';

const DATA_ROOT = '/var/lib/kubelab-e2e-engine';
const RUN_DIR = '/run/kubelab-e2e-engine';
const SOCKET = `${RUN_DIR}/docker.sock`;
export const CLEAN_ENGINE_LOG = '/tmp/kubelab-e2e-engine.log';
/** The second engine's own default bridge (made here, removed after; docker0 is left alone). */
const BRIDGE = 'kl-e2e0';
const BRIDGE_CIDR = '172.31.253.1/24';

function ip(...args: string[]): void {
  const result = spawnSync('ip', args, { encoding: 'utf8' });
  if (result.status !== 0) {
    throw new Error(`ip ${args.join(' ')} failed: ${(result.stderr || result.stdout).trim()}`);
  }
}

function removeBridge(): void {
  spawnSync('ip', ['link', 'del', BRIDGE]);
}

export interface CleanEngine {
  dockerHost: string;
  stop(): Promise<void>;
}

/** Why no clean engine can be started here, or null when it can. */
export function cleanEngineUnavailable(): string | null {
  if (process.getuid?.() !== 0) return 'starting a second dockerd needs root';
  if (spawnSync('dockerd', ['--version']).status !== 0) return 'no dockerd binary on PATH';
  if (spawnSync('ip', ['-V']).status !== 0) return 'no `ip` command (iproute2) on PATH';
  return null;
}

async function waitForPing(docker: Docker, child: ChildProcess): Promise<void> {
  const deadline = Date.now() + 60_000;
  for (;;) {
    if (child.exitCode !== null) throw new Error(`dockerd exited; see ${CLEAN_ENGINE_LOG}`);
    try {
      await docker.ping();
      return;
    } catch {
      if (Date.now() > deadline) throw new Error(`dockerd did not answer; see ${CLEAN_ENGINE_LOG}`);
      await new Promise((resolve) => setTimeout(resolve, 500));
    }
  }
}

function alive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch {
    return false;
  }
}

/**
 * What a run killed before its stop() (a CI timeout, a session ended hard) left behind: its
 * dockerd may still run — stopped here only if the pidfile's process is a dockerd on this
 * data-root — and its containers' mounts keep the data-root busy (unmounted lazily).
 */
async function clearLeftovers(): Promise<void> {
  let pid = 0;
  try {
    pid = Number(readFileSync(`${RUN_DIR}/dockerd.pid`, 'utf8').trim());
  } catch {
    // no pidfile: no dockerd of an earlier run
  }
  let cmdline = '';
  try {
    if (pid > 0) cmdline = readFileSync(`/proc/${pid}/cmdline`, 'utf8');
  } catch {
    // the process is gone
  }
  if (cmdline.includes(`--data-root=${DATA_ROOT}`)) {
    process.kill(pid, 'SIGTERM');
    const deadline = Date.now() + 30_000;
    while (alive(pid) && Date.now() < deadline) await new Promise((r) => setTimeout(r, 250));
    if (alive(pid)) process.kill(pid, 'SIGKILL');
  }
  const mounts = readFileSync('/proc/mounts', 'utf8')
    .split('\n')
    .map((line) => line.split(' ')[1] ?? '')
    .filter((point) => point.startsWith(DATA_ROOT) || point.startsWith(RUN_DIR))
    .sort()
    .reverse();
  for (const point of mounts) spawnSync('umount', ['-l', point]);
}

export async function startCleanEngine(): Promise<CleanEngine> {
  await clearLeftovers();
  rmSync(DATA_ROOT, { recursive: true, force: true });
  mkdirSync(DATA_ROOT, { recursive: true });
  mkdirSync(RUN_DIR, { recursive: true });
  removeBridge();
  ip('link', 'add', BRIDGE, 'type', 'bridge');
  ip('addr', 'add', BRIDGE_CIDR, 'dev', BRIDGE);
  ip('link', 'set', BRIDGE, 'up');
  const log = openSync(CLEAN_ENGINE_LOG, 'w');
  const child = spawn(
    'dockerd',
    [
      `--data-root=${DATA_ROOT}`,
      `--exec-root=${RUN_DIR}/exec`,
      `--pidfile=${RUN_DIR}/dockerd.pid`,
      `--host=unix://${SOCKET}`,
      `--bridge=${BRIDGE}`,
      '--iptables=false',
      '--ip6tables=false',
      '--ip-masq=false',
      '--ip-forward=false',
      '--containerd-namespace=kubelab-e2e',
      '--containerd-plugins-namespace=kubelab-e2e-plugins',
    ],
    { stdio: ['ignore', log, log] },
  );
  const stop = async (): Promise<void> => {
    if (child.exitCode === null && child.signalCode === null) {
      const exited = new Promise((resolve) => child.once('exit', resolve));
      child.kill('SIGTERM');
      const timer = setTimeout(() => child.kill('SIGKILL'), 30_000);
      await exited;
      clearTimeout(timer);
    }
    rmSync(DATA_ROOT, { recursive: true, force: true });
    removeBridge();
  };
  try {
    await waitForPing(new Docker({ socketPath: SOCKET }), child);
  } catch (error) {
    await stop();
    throw error;
  }
  return { dockerHost: `unix://${SOCKET}`, stop };
}
