// doctor against the real engine of this machine.
import { describe, expect, it, vi } from 'vitest';
import { docker } from './docker.ts';
import { runDoctor } from './doctor.ts';
import { probeMode } from './node-mode.ts';
import { engineStatus } from './status.ts';
import { LAB_LABEL } from './labels.ts';

describe('doctor (real engine)', () => {
  it('reports the engine, its API and how nodes will run', async () => {
    const checks = await runDoctor();
    const byId = Object.fromEntries(checks.map((c) => [c.id, c]));
    expect(byId.engine?.status).toBe('ok');
    expect(byId.api?.detail).toMatch(/^1\.\d+/);
    expect(byId['node-mode']?.status).toBe('ok');
    expect(byId['disk:kubelab home']?.detail).toMatch(/GiB free/);
    for (const check of checks) {
      if (check.status !== 'ok') expect(check.fix, check.id).toBeTruthy();
    }
  });

  it('agrees with a direct probe about --privileged', async () => {
    const privileged = await probeMode(docker(), 'privileged');
    const status = await engineStatus();
    expect(status.nodeMode).toBe(privileged.works ? 'privileged' : 'explicit-capabilities');
    const checks = await runDoctor();
    const mode = checks.find((c) => c.id === 'node-mode')!;
    expect(mode.detail).toMatch(
      privileged.works ? /--privileged works/ : /--privileged is refused/,
    );
  });

  it('probes each mode once, and leaves no probe container behind', async () => {
    // Counted on this client only: other test files probe the same engine at the same time.
    const client = docker();
    const create = vi.spyOn(client, 'createContainer');
    await runDoctor(client);
    const probes = create.mock.calls.filter(
      ([options]) => options.Labels?.[`${LAB_LABEL}.role`] === 'probe',
    );
    // privileged, then the fallback where it is refused: each once, though engineStatus asks first.
    expect(probes.length).toBeGreaterThanOrEqual(1);
    expect(probes.length).toBeLessThanOrEqual(2);
    expect(new Set(probes.map(([options]) => JSON.stringify(options.HostConfig))).size).toBe(
      probes.length,
    );
    const left = await docker().listContainers({
      all: true,
      filters: { label: [`${LAB_LABEL}.role=probe`] },
    });
    expect(left).toEqual([]);
  });

  it('reports an unreachable engine with the fix, not a crash', async () => {
    const Docker = (await import('dockerode')).default;
    const nowhere = new Docker({ socketPath: '/nonexistent/docker.sock' });
    const status = await engineStatus(nowhere);
    expect(status.reachable).toBe(false);
    expect(status.problem?.fix).toMatch(/docker/i);
  });
});
