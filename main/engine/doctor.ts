// `kubelab doctor`: every precondition of a lab, each with what was found and the exact fix.
import { readFile, statfs, mkdir } from 'node:fs/promises';
import type Docker from 'dockerode';
import type { DoctorCheck } from '../api/schemas/engine.ts';
import { kubelabHome } from '../paths.ts';
import { docker } from './docker.ts';
import { forgetNodeMode, probeModeOnce } from './node-mode.ts';
import { engineEndpoint } from './endpoint.ts';
import { engineStatus, MIN_API_VERSION, apiAtLeast } from './status.ts';

const GIB = 1024 ** 3;

async function freeBytes(path: string): Promise<number> {
  const stats = await statfs(path);
  return stats.bavail * stats.bsize;
}

export async function diskCheck(path: string, label: string): Promise<DoctorCheck> {
  const free = await freeBytes(path);
  const gib = (free / GIB).toFixed(1);
  const status = free < 3 * GIB ? 'fail' : free < 10 * GIB ? 'warn' : 'ok';
  const check: DoctorCheck = {
    id: `disk:${label}`,
    title: `Free disk (${label})`,
    status,
    detail: `${gib} GiB free at ${path}`,
  };
  if (status !== 'ok')
    check.fix = `Free some space at ${path}: a lab needs about 10 GiB (images ~3 GiB, nodes, learner data).`;
  return check;
}

async function readNumber(path: string): Promise<number | null> {
  try {
    return Number((await readFile(path, 'utf8')).trim());
  } catch {
    return null;
  }
}

/** Many kubelets in one kernel exhaust the default inotify limits (kind's known issue). */
export async function inotifyCheck(): Promise<DoctorCheck> {
  const instances = await readNumber('/proc/sys/fs/inotify/max_user_instances');
  const watches = await readNumber('/proc/sys/fs/inotify/max_user_watches');
  if (instances === null || watches === null) {
    return {
      id: 'inotify',
      title: 'inotify limits',
      status: 'ok',
      detail: "not a Linux host: the engine's VM sets its own limits",
    };
  }
  const low = instances < 512 || watches < 524288;
  const check: DoctorCheck = {
    id: 'inotify',
    title: 'inotify limits',
    status: low ? 'warn' : 'ok',
    detail: `max_user_instances=${instances}, max_user_watches=${watches}`,
  };
  if (low)
    check.fix =
      'sysctl -w fs.inotify.max_user_instances=512 fs.inotify.max_user_watches=524288 (add them to /etc/sysctl.d/ to keep them)';
  return check;
}

export async function runDoctor(client: Docker = docker()): Promise<DoctorCheck[]> {
  const checks: DoctorCheck[] = [];
  const [major = 0, minor = 0] = process.versions.node.split('.').map(Number);
  const nodeOk = major > 20 || (major === 20 && minor >= 19);
  checks.push({
    id: 'node',
    title: 'Node.js',
    status: nodeOk ? 'ok' : 'fail',
    detail: `v${process.versions.node}`,
    ...(nodeOk ? {} : { fix: 'Install Node.js 20.19 or newer.' }),
  });

  // The doctor asks the engine afresh, and what it finds is what the next `kubelab up` uses.
  await forgetNodeMode();
  const status = await engineStatus(client);
  if (!status.reachable) {
    checks.push({
      id: 'engine',
      title: 'Docker engine',
      status: 'fail',
      detail: `${status.problem?.message ?? 'unreachable'} (${engineEndpoint().host}, from ${engineEndpoint().source})`,
      fix: status.problem?.fix ?? '',
    });
  } else {
    checks.push({
      id: 'engine',
      title: 'Docker engine',
      status: 'ok',
      detail: `Docker ${status.version} on ${status.os} at ${engineEndpoint().host} (${engineEndpoint().source})`,
    });
    const apiOk = apiAtLeast(status.apiVersion ?? '0', MIN_API_VERSION);
    checks.push({
      id: 'api',
      title: 'Docker API version',
      status: apiOk ? 'ok' : 'fail',
      detail: `${status.apiVersion} (needs ≥ ${MIN_API_VERSION})`,
      ...(apiOk ? {} : { fix: 'Upgrade the Docker engine to 20.10 or newer.' }),
    });
    // Both modes, so the report says what each one does on this engine (engineStatus has just
    // probed one or both afresh: those answers are reused).
    const privileged = await probeModeOnce(client, 'privileged');
    const explicit = await probeModeOnce(client, 'explicit-capabilities');
    const mode: DoctorCheck = {
      id: 'node-mode',
      title: 'Node containers',
      status: privileged.works || explicit.works ? 'ok' : 'fail',
      detail: privileged.works
        ? '--privileged works: nodes run privileged'
        : explicit.works
          ? `--privileged is refused here (${privileged.reason.replace(/.*runc create failed: /, '')}); the explicit-capabilities fallback (--cap-add ALL --cap-drop SYS_RESOURCE, seccomp/apparmor/systempaths unconfined) works and will be used`
          : `neither --privileged (${privileged.reason}) nor explicit capabilities (${explicit.reason}) work`,
    };
    if (mode.status === 'fail')
      mode.fix =
        'Use an engine that allows privileged containers (Docker Desktop, or Docker Engine run as root).';
    checks.push(mode);
    checks.push({
      id: 'cgroup',
      title: 'cgroup version',
      status: status.cgroupVersion ? 'ok' : 'warn',
      detail: status.cgroupVersion
        ? `cgroup v${status.cgroupVersion}${status.cgroupVersion === '1' ? ' (nodes share the host tree; each kubelet gets its own cgroup root)' : ''}`
        : 'the engine does not say',
    });
  }
  await mkdir(kubelabHome(), { recursive: true });
  checks.push(await diskCheck(kubelabHome(), 'kubelab home'));
  checks.push(await inotifyCheck());
  return checks;
}
