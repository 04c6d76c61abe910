// The per-lab lock with a real file system (a temporary KUBELAB_HOME, read at each call): one
// operation per lab, also inside one process.
import { mkdtemp, mkdir, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { labDir } from './config.ts';
import { withLabLock } from './lock.ts';

beforeAll(async () => {
  process.env.KUBELAB_HOME = await mkdtemp(join(tmpdir(), 'kubelab-lock-'));
});

describe('withLabLock', () => {
  it('refuses a second operation on the same lab from the same process with LAB_BUSY', async () => {
    let release!: () => void;
    const first = withLabLock('same', 'kubelab up', () => new Promise<void>((r) => (release = r)));
    await new Promise((r) => setTimeout(r, 50));
    await expect(
      withLabLock('same', 'kubelab reset', () => Promise.resolve()),
    ).rejects.toMatchObject({
      code: 'LAB_BUSY',
      message: expect.stringContaining('kubelab up') as string,
    });
    // another lab is not affected
    await expect(withLabLock('other', 'kubelab up', () => Promise.resolve(7))).resolves.toBe(7);
    release();
    await first;
    await expect(withLabLock('same', 'kubelab down', () => Promise.resolve('ok'))).resolves.toBe(
      'ok',
    );
  });

  it('releases the lock when the work fails', async () => {
    await expect(
      withLabLock('fails', 'kubelab up', () => Promise.reject(new Error('boom'))),
    ).rejects.toThrow('boom');
    await expect(withLabLock('fails', 'kubelab up', () => Promise.resolve(1))).resolves.toBe(1);
  });

  it('takes over a lock left with this pid but a token this process does not hold', async () => {
    await mkdir(labDir('left'), { recursive: true });
    await writeFile(
      join(labDir('left'), 'lock'),
      JSON.stringify({
        pid: process.pid,
        token: 'from-an-earlier-process',
        operation: 'kubelab up',
      }),
    );
    await expect(withLabLock('left', 'kubelab up', () => Promise.resolve(2))).resolves.toBe(2);
  });

  it('takes over an unreadable lock file', async () => {
    await mkdir(labDir('torn'), { recursive: true });
    await writeFile(join(labDir('torn'), 'lock'), '{"pid": 12');
    await expect(withLabLock('torn', 'kubelab up', () => Promise.resolve(3))).resolves.toBe(3);
  });
});
