// Each image behaves like the thing it stands in for: the workload images pass their folder's
// smoke.sh (official pages, ports, tools), and the node image runs containerd and a container
// from its preloaded images when started with the node flags this engine allows.
import { spawn } from 'node:child_process';
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { docker } from '../engine/docker.ts';
import { labLabels } from '../engine/labels.ts';
import { nodeSecurityConfig } from '../engine/node-mode.ts';
import { engineStatus } from '../engine/status.ts';
import { execInContainer } from '../lab/node-exec.ts';
import { componentTags, IMAGE_CATALOG, LAB_IMAGE_REPOSITORY } from './catalog.ts';
import { imageFolder, imageRef } from './hash.ts';

function runSmoke(script: string, ref: string): Promise<{ code: number; output: string }> {
  return new Promise((resolve) => {
    const child = spawn('bash', [script, ref], { stdio: ['ignore', 'pipe', 'pipe'] });
    let output = '';
    child.stdout.on('data', (chunk: Buffer) => (output += chunk.toString()));
    child.stderr.on('data', (chunk: Buffer) => (output += chunk.toString()));
    child.on('exit', (code) => resolve({ code: code ?? 1, output }));
  });
}

const withSmoke = IMAGE_CATALOG.filter((spec) => existsSync(join(imageFolder(spec), 'smoke.sh')));

describe('workload images answer like their official counterparts', () => {
  it.each(withSmoke.map((spec) => spec.name))('%s passes its smoke test', async (name) => {
    const spec = withSmoke.find((candidate) => candidate.name === name)!;
    const result = await runSmoke(join(imageFolder(spec), 'smoke.sh'), await imageRef(name));
    expect(result.code, result.output.slice(-2000)).toBe(0);
  });
});

describe('the node image on its own', () => {
  it('starts containerd with the node flags and runs a container from a preloaded image', async () => {
    const client = docker();
    const status = await engineStatus(client);
    expect(status.nodeMode).not.toBe('unknown');
    const container = await client.createContainer({
      Image: await imageRef('node'),
      Labels: labLabels('test'),
      Tty: true,
      HostConfig: {
        ...nodeSecurityConfig(
          status.nodeMode === 'privileged' ? 'privileged' : 'explicit-capabilities',
        ),
        Tmpfs: { '/run': 'rw,exec', '/tmp': 'rw,exec' },
        Binds: status.cgroupVersion === '1' ? ['/sys/fs/cgroup:/sys/fs/cgroup:rw'] : [],
        // An anonymous /var volume, as a real node has (containerd's overlays need it).
        Mounts: [{ Type: 'volume', Source: '', Target: '/var' }],
        ...(status.cgroupVersion === '1' ? { CgroupnsMode: 'host' as const } : {}),
      },
    });
    try {
      await container.start();
      const wait = await execInContainer(client, container.id, [
        'bash',
        '-c',
        'for i in $(seq 1 100); do ctr version >/dev/null 2>&1 && exit 0; sleep 0.2; done; exit 1',
      ]);
      expect(wait.exitCode).toBe(0);
      const images = await execInContainer(client, container.id, [
        'ctr',
        '-n',
        'k8s.io',
        'images',
        'ls',
        '-q',
      ]);
      const etcd = `${LAB_IMAGE_REPOSITORY}/etcd:${componentTags().etcd}`;
      expect(images.stdout).toContain(etcd);
      expect(images.stdout).toContain(`${LAB_IMAGE_REPOSITORY}/pause:catatonit`);
      const run = await execInContainer(client, container.id, [
        'ctr',
        '-n',
        'k8s.io',
        'run',
        '--rm',
        etcd,
        'smoke',
        'etcd',
        '--version',
      ]);
      expect(run.stdout + run.stderr).toMatch(/etcd Version: 3\.6\./);
    } finally {
      await container.remove({ force: true, v: true });
    }
  });
});
