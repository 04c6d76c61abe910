import { describe, expect, it } from 'vitest';
import { spawnGroup } from './spawn-group.ts';
import { processAlive } from '../process-alive.ts';

describe('spawnGroup', () => {
  it('cancelling ends the script and the children it started', async () => {
    const controller = new AbortController();
    // The script prints its child's pid, then waits for it (like build-rootfs.sh → mmdebstrap).
    const child = spawnGroup('bash', ['-c', 'sleep 60 & echo $!; wait'], {
      signal: controller.signal,
    });
    const grandchild = await new Promise<number>((resolve) =>
      child.stdout.once('data', (chunk: Buffer) => resolve(Number(chunk.toString().trim()))),
    );
    expect(processAlive(grandchild)).toBe(true);
    const exited = new Promise((resolve) => child.once('exit', resolve));
    controller.abort();
    await exited;
    await expect.poll(() => processAlive(grandchild), { timeout: 3_000 }).toBe(false);
  });

  it('runs to the end when nobody cancels', async () => {
    const child = spawnGroup('bash', ['-c', 'exit 3'], { signal: new AbortController().signal });
    const code = await new Promise((resolve) => child.once('exit', resolve));
    expect(code).toBe(3);
  });
});
