// Which Docker engine kubelab talks to, decided once and handed to everything: dockerode, the
// terminals' `docker exec` and every other `docker` CLI call. Without this, dockerode reads only
// DOCKER_HOST while the docker CLI follows `docker context` (Colima, Rancher Desktop, Docker
// Desktop for Linux), and the two could reach different engines. The order is the docker CLI's
// own: DOCKER_HOST, else DOCKER_CONTEXT or the config's currentContext, else the default socket.
import { createHash } from 'node:crypto';
import { existsSync, readFileSync } from 'node:fs';
import { homedir } from 'node:os';
import { join } from 'node:path';

export interface EngineEndpoint {
  /** unix:///var/run/docker.sock, npipe:////./pipe/docker_engine, tcp://host:2376, ssh://… */
  host: string;
  /** Why this one, in words for `kubelab doctor`. */
  source: string;
}

/**
 * The platform's default engine, found as dockerode has always found it: a per-user socket
 * (~/.docker/run/docker.sock, Docker Desktop's newer installs) when there is one, else the
 * system-wide /var/run/docker.sock; the named pipe on Windows.
 */
export function defaultHost(home = homedir(), platform = process.platform): string {
  if (platform === 'win32') return 'npipe:////./pipe/docker_engine';
  const user = join(home, '.docker', 'run', 'docker.sock');
  return existsSync(user) ? `unix://${user}` : 'unix:///var/run/docker.sock';
}

function readJson(path: string): unknown {
  try {
    return JSON.parse(readFileSync(path, 'utf8')) as unknown;
  } catch {
    return null;
  }
}

/** The Host of a named context, from the docker CLI's own store (~/.docker/contexts/meta). */
function contextHost(configDir: string, name: string): string | null {
  const id = createHash('sha256').update(name).digest('hex');
  const meta = readJson(join(configDir, 'contexts', 'meta', id, 'meta.json')) as {
    Endpoints?: { docker?: { Host?: unknown } };
  } | null;
  const host = meta?.Endpoints?.docker?.Host;
  return typeof host === 'string' && host !== '' ? host : null;
}

export function resolveEndpoint(env: NodeJS.ProcessEnv = process.env): EngineEndpoint {
  if (env.DOCKER_HOST) return { host: env.DOCKER_HOST, source: 'DOCKER_HOST' };
  const configDir = env.DOCKER_CONFIG ?? join(homedir(), '.docker');
  const config = readJson(join(configDir, 'config.json')) as { currentContext?: unknown } | null;
  const fromEnv = env.DOCKER_CONTEXT;
  const name = fromEnv ?? (typeof config?.currentContext === 'string' ? config.currentContext : '');
  if (name && name !== 'default') {
    const host = contextHost(configDir, name);
    if (host)
      return {
        host,
        source: `docker context "${name}"${fromEnv ? ' (DOCKER_CONTEXT)' : ''}`,
      };
  }
  return { host: defaultHost(), source: 'the default socket' };
}

let resolved: EngineEndpoint | undefined;

/** The endpoint of this process, resolved on first use. */
export function engineEndpoint(): EngineEndpoint {
  resolved ??= resolveEndpoint();
  return resolved;
}

/** The environment for a `docker` CLI child: the same engine as dockerode, whatever its context. */
export function dockerCliEnv(base: NodeJS.ProcessEnv = process.env): NodeJS.ProcessEnv {
  return { ...base, DOCKER_HOST: engineEndpoint().host };
}
