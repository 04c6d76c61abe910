// The docker CLI's own context store, written by the real `docker context` commands (no engine
// needed), read back by kubelab: the two agree on which engine is meant.
import { execFileSync } from 'node:child_process';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { resolveEndpoint } from './endpoint.ts';

describe('docker context, as the docker CLI writes it', () => {
  it('is the engine kubelab picks', async () => {
    const config = await mkdtemp(join(tmpdir(), 'kubelab-docker-context-'));
    const docker = (...args: string[]): string =>
      execFileSync('docker', ['--config', config, ...args])
        .toString()
        .trim();
    docker('context', 'create', 'kubelab-test', '--docker', 'host=unix:///tmp/kubelab-test.sock');
    docker('context', 'use', 'kubelab-test');
    const cliSays = docker('context', 'inspect', '--format', '{{.Endpoints.docker.Host}}');
    expect(resolveEndpoint({ DOCKER_CONFIG: config })).toEqual({
      host: cliSays,
      source: 'docker context "kubelab-test"',
    });
    await rm(config, { recursive: true, force: true });
  });
});
