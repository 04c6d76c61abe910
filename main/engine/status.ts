// "Is the engine usable for a lab?" — the first thing every screen and `kubelab up` ask.
import type Docker from 'dockerode';
import type { EngineStatus } from '../api/schemas/engine.ts';
import { docker, engineInstallFix } from './docker.ts';
import { detectNodeMode } from './node-mode.ts';
import { engineFingerprint } from './node-mode-memo.ts';
import type { EngineIdentity } from './node-mode-memo.ts';

export const MIN_API_VERSION = '1.41';

export function apiAtLeast(actual: string, wanted: string): boolean {
  const [a1 = 0, a2 = 0] = actual.split('.').map(Number);
  const [w1 = 0, w2 = 0] = wanted.split('.').map(Number);
  return a1 > w1 || (a1 === w1 && a2 >= w2);
}

export async function engineStatus(client: Docker = docker()): Promise<EngineStatus> {
  let version: Docker.DockerVersion;
  let info: EngineIdentity & { OperatingSystem?: string };
  try {
    version = await client.version();
    info = (await client.info()) as typeof info;
  } catch (error) {
    const reason = error instanceof Error ? error.message : String(error);
    return {
      reachable: false,
      version: null,
      apiVersion: null,
      os: null,
      cgroupVersion: null,
      nodeMode: 'unknown',
      problem: {
        message: `The Docker engine does not answer (${reason}).`,
        fix: engineInstallFix(),
      },
    };
  }
  const cgroup = info.CgroupVersion === '2' ? '2' : info.CgroupVersion === '1' ? '1' : null;
  const mode = await detectNodeMode(client, engineFingerprint(info));
  let problem: EngineStatus['problem'] = null;
  if (!apiAtLeast(version.ApiVersion, MIN_API_VERSION)) {
    problem = {
      message: `The engine speaks Docker API ${version.ApiVersion}; kubelab needs ${MIN_API_VERSION} or newer.`,
      fix: 'Upgrade the Docker engine (Docker 20.10 or newer).',
    };
  } else if (mode === null) {
    problem = {
      message:
        'The engine can start neither privileged containers nor containers with all capabilities, so no Kubernetes node can run.',
      fix: 'Run kubelab on an engine that allows privileged containers (Docker Desktop, or Docker Engine as root).',
    };
  }
  return {
    reachable: true,
    version: version.Version,
    apiVersion: version.ApiVersion,
    os: info.OperatingSystem ?? version.Os,
    cgroupVersion: cgroup,
    nodeMode: mode ?? 'unknown',
    problem,
  };
}
