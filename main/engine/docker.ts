// One place that opens the Docker engine and turns "cannot reach it" into an actionable error.
import type Docker from 'dockerode';
import { Dockerode } from './dockerode.ts';
import { existsSync } from 'node:fs';
import { LabError } from '../api/errors.ts';
import { engineEndpoint } from './endpoint.ts';

let shared: Docker | undefined;

/** The engine of engineEndpoint(): DOCKER_HOST, else the docker CLI's current context, else the default. */
export function docker(): Docker {
  // dockerode reads DOCKER_HOST itself (with DOCKER_TLS_VERIFY/DOCKER_CERT_PATH and ssh://), so
  // the resolved host is handed to it that way rather than re-parsed here.
  const { host } = engineEndpoint();
  if (process.env.DOCKER_HOST !== host) process.env.DOCKER_HOST = host;
  shared ??= new Dockerode();
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
