// One place that opens the Docker engine and turns "cannot reach it" into an actionable error.
import Docker from 'dockerode';
import { existsSync } from 'node:fs';
import { LabError } from '../api/errors.ts';

let shared: Docker | undefined;

/** The engine named by DOCKER_HOST, else the platform's default socket. */
export function docker(): Docker {
  shared ??= new Docker();
  return shared;
}

export function engineInstallFix(): string {
  if (process.platform === 'linux') {
    const debian = existsSync('/etc/debian_version');
    const root = process.getuid?.() === 0;
    if (debian && root) {
      return 'Install and start the engine: apt-get install -y docker.io && (dockerd > /var/log/dockerd.log 2>&1 &)';
    }
    if (debian)
      return 'Install and start the engine: sudo apt-get install -y docker.io && sudo systemctl start docker, then add yourself to the docker group.';
    return "Install Docker Engine with your distribution's packages and start it (systemctl start docker).";
  }
  return 'Install Docker Desktop (or another Docker engine), start it, and wait until it says it is running.';
}

/** Throws DOCKER_UNREACHABLE with the exact fix when the engine does not answer. */
export async function requireEngine(client: Docker = docker()): Promise<Docker> {
  try {
    await client.ping();
    return client;
  } catch (error) {
    const reason = error instanceof Error ? error.message : String(error);
    throw new LabError('DOCKER_UNREACHABLE', `The Docker engine does not answer (${reason}).`, {
      fix: engineInstallFix(),
    });
  }
}
