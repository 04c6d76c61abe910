import { mkdir, mkdtemp, rm, symlink, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { confineExisting, confineForWrite, pathSegments } from './confine.ts';

let base: string;
let root: string;

beforeEach(async () => {
  base = await mkdtemp(join(tmpdir(), 'kubelab-confine-'));
  root = join(base, 'mnt');
  await mkdir(join(root, 'data'), { recursive: true });
  await writeFile(join(root, 'data', 'index.html'), 'hello');
  await writeFile(join(base, 'secret'), 'outside');
});
afterEach(() => rm(base, { recursive: true, force: true }));

describe('pathSegments', () => {
  it('splits relative paths and drops empty and "." segments', () => {
    expect(pathSegments('')).toEqual([]);
    expect(pathSegments('data//./index.html')).toEqual(['data', 'index.html']);
  });

  it.each([
    ['../secret', '".." may not leave'],
    ['data/../../secret', '".." may not leave'],
    ['data\\..\\..\\secret', '".." may not leave'],
    ['/etc/passwd', 'absolute'],
    ['C:/Windows', 'absolute'],
    ['data/\0x', 'NUL'],
  ])('refuses %j', (path, why) => {
    expect(() => pathSegments(path)).toThrow(why);
  });
});

describe('confineExisting', () => {
  it('resolves a file inside the root', async () => {
    const real = await confineExisting(root, 'data/index.html');
    expect(real.endsWith(join('mnt', 'data', 'index.html'))).toBe(true);
  });

  it('follows a symlink that stays inside', async () => {
    await symlink(join(root, 'data'), join(root, 'web'));
    expect(await confineExisting(root, 'web/index.html')).toBe(
      await confineExisting(root, 'data/index.html'),
    );
  });

  it('refuses a symlink that leads outside the root', async () => {
    await symlink(join(base, 'secret'), join(root, 'data', 'escape'));
    await expect(confineExisting(root, 'data/escape')).rejects.toThrow('leads outside');
    await symlink(base, join(root, 'up'));
    await expect(confineExisting(root, 'up/secret')).rejects.toThrow('leads outside');
  });

  it('says NOT_FOUND for a missing path and NO_FOLDER for a missing root', async () => {
    await expect(confineExisting(root, 'nope.txt')).rejects.toMatchObject({ code: 'NOT_FOUND' });
    await expect(confineExisting(join(base, 'gone'), '')).rejects.toMatchObject({
      code: 'NO_FOLDER',
    });
  });
});

describe('confineForWrite', () => {
  it('allows a new file in an existing folder', async () => {
    const target = await confineForWrite(root, 'data/new.txt');
    expect(target.endsWith(join('data', 'new.txt'))).toBe(true);
  });

  it('refuses writing through a symlink, even one pointing inside', async () => {
    await symlink(join(root, 'data', 'index.html'), join(root, 'data', 'link.html'));
    await expect(confineForWrite(root, 'data/link.html')).rejects.toThrow('symlink');
  });

  it('refuses a folder whose real path is outside, and the root itself', async () => {
    await symlink(base, join(root, 'up'));
    await expect(confineForWrite(root, 'up/secret')).rejects.toThrow('leads outside');
    await expect(confineForWrite(root, '')).rejects.toThrow('names the folder itself');
    await expect(confineForWrite(root, 'data')).rejects.toThrow('not a regular file');
  });
});
