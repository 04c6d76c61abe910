// The write itself, on a real file system: a symlink that appears after the confinement check
// (the swap a process in a node could make) is refused at open, and nothing outside is written.
import { mkdir, mkdtemp, readFile, realpath, symlink, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { confineForWrite } from './confine.ts';
import { writeConfined } from './write-confined.ts';

async function folders(): Promise<{ root: string; outside: string }> {
  const base = await realpath(await mkdtemp(join(tmpdir(), 'kubelab-write-')));
  const root = join(base, 'mnt');
  const outside = join(base, 'outside');
  await mkdir(root);
  await mkdir(outside);
  return { root, outside };
}

describe('writeConfined', () => {
  it('writes (and truncates) a regular file inside the root', async () => {
    const { root } = await folders();
    const file = await confineForWrite(root, 'index.html');
    await writeConfined(root, file, Buffer.from('a longer first version'));
    await writeConfined(root, file, Buffer.from('short'));
    expect(await readFile(join(root, 'index.html'), 'utf8')).toBe('short');
  });

  it('refuses a symlink swapped in after the check, and the target outside stays untouched', async () => {
    const { root, outside } = await folders();
    await writeFile(join(outside, 'secret'), 'keep me');
    const file = await confineForWrite(root, 'index.html'); // checked: does not exist yet
    await symlink(join(outside, 'secret'), file); // …then swapped for a link
    await expect(writeConfined(root, file, Buffer.from('pwned'))).rejects.toMatchObject({
      code: 'BAD_PATH',
    });
    expect(await readFile(join(outside, 'secret'), 'utf8')).toBe('keep me');
  });

  it('refuses when the folder was swapped for a link that leads outside', async () => {
    const { root, outside } = await folders();
    await mkdir(join(root, 'data'));
    const file = await confineForWrite(root, 'data/index.html');
    const { rename } = await import('node:fs/promises');
    await rename(join(root, 'data'), join(root, 'data-moved'));
    await symlink(outside, join(root, 'data'));
    await expect(writeConfined(root, file, Buffer.from('pwned'))).rejects.toMatchObject({
      code: 'BAD_PATH',
    });
    await expect(readFile(join(outside, 'index.html'), 'utf8')).rejects.toMatchObject({
      code: 'ENOENT',
    });
  });
});
