import { mkdir, mkdtemp, rm, symlink, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { folderBytes, runState } from './labs.ts';

describe('kubelab labs', () => {
  it('sums the node containers up into one state', () => {
    expect(runState([])).toBe('no containers');
    expect(runState(['running', 'running'])).toBe('running');
    expect(runState(['exited', 'created'])).toBe('stopped');
    expect(runState(['paused'])).toBe('paused');
    expect(runState(['running', 'exited'])).toBe('mixed');
  });

  it('counts the bytes of files in a folder, not what its symlinks point at', async () => {
    const dir = await mkdtemp(join(tmpdir(), 'kubelab-labs-'));
    await mkdir(join(dir, 'a', 'b'), { recursive: true });
    await writeFile(join(dir, 'a', 'one'), 'x'.repeat(100));
    await writeFile(join(dir, 'a', 'b', 'two'), 'y'.repeat(23));
    await symlink('/usr', join(dir, 'link'));
    expect(await folderBytes(dir)).toBe(123);
    expect(await folderBytes(join(dir, 'missing'))).toBe(0);
    await rm(dir, { recursive: true });
  });
});
