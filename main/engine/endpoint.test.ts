import { createHash } from 'node:crypto';
import { mkdir, mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { defaultHost, resolveEndpoint } from './endpoint.ts';

describe('which engine', () => {
  let config: string;
  beforeEach(async () => {
    config = await mkdtemp(join(tmpdir(), 'kubelab-docker-config-'));
  });
  afterEach(() => rm(config, { recursive: true, force: true }));

  /** A context as `docker context create NAME --docker host=HOST` stores it. */
  async function context(name: string, host: string): Promise<void> {
    const dir = join(config, 'contexts', 'meta', createHash('sha256').update(name).digest('hex'));
    await mkdir(dir, { recursive: true });
    await writeFile(
      join(dir, 'meta.json'),
      JSON.stringify({ Name: name, Endpoints: { docker: { Host: host } } }),
    );
  }

  it('takes DOCKER_HOST first, as the docker CLI does', () => {
    expect(resolveEndpoint({ DOCKER_HOST: 'tcp://10.0.0.1:2376', DOCKER_CONFIG: config })).toEqual({
      host: 'tcp://10.0.0.1:2376',
      source: 'DOCKER_HOST',
    });
  });

  it('follows the current docker context (Colima, Rancher Desktop …)', async () => {
    await context('colima', 'unix:///home/me/.colima/default/docker.sock');
    await writeFile(join(config, 'config.json'), JSON.stringify({ currentContext: 'colima' }));
    expect(resolveEndpoint({ DOCKER_CONFIG: config })).toEqual({
      host: 'unix:///home/me/.colima/default/docker.sock',
      source: 'docker context "colima"',
    });
  });

  it('lets DOCKER_CONTEXT pick another context', async () => {
    await context('rd', 'unix:///home/me/.rd/docker.sock');
    await writeFile(join(config, 'config.json'), JSON.stringify({ currentContext: 'colima' }));
    expect(resolveEndpoint({ DOCKER_CONFIG: config, DOCKER_CONTEXT: 'rd' }).source).toBe(
      'docker context "rd" (DOCKER_CONTEXT)',
    );
  });

  it('takes a per-user socket (Docker Desktop) over the system one, as dockerode does', async () => {
    expect(defaultHost(config, 'linux')).toBe('unix:///var/run/docker.sock');
    await mkdir(join(config, '.docker', 'run'), { recursive: true });
    await writeFile(join(config, '.docker', 'run', 'docker.sock'), '');
    expect(defaultHost(config, 'linux')).toBe(`unix://${config}/.docker/run/docker.sock`);
    expect(defaultHost(config, 'win32')).toBe('npipe:////./pipe/docker_engine');
  });

  it('falls back to the default socket: no config, the default context, a context without a host', async () => {
    expect(resolveEndpoint({ DOCKER_CONFIG: config })).toEqual({
      host: defaultHost(),
      source: 'the default socket',
    });
    await writeFile(join(config, 'config.json'), JSON.stringify({ currentContext: 'default' }));
    expect(resolveEndpoint({ DOCKER_CONFIG: config }).host).toBe(defaultHost());
    await writeFile(join(config, 'config.json'), JSON.stringify({ currentContext: 'gone' }));
    expect(resolveEndpoint({ DOCKER_CONFIG: config }).host).toBe(defaultHost());
  });
});
