import { mkdir, mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { labConfig } from '../lab/config.ts';
import type { LabConfig } from '../lab/config.ts';
import { listFolder, listRoots, readTextFile, writeTextFile } from './files.ts';

let home: string;
let config: LabConfig;
const saved = process.env.KUBELAB_HOME;

beforeEach(async () => {
  home = await mkdtemp(join(tmpdir(), 'kubelab-files-'));
  process.env.KUBELAB_HOME = home;
  config = labConfig('ui', 2);
  const mnt = config.nodes[1]!.hostDirs.mnt;
  await mkdir(join(mnt, 'data'), { recursive: true });
  await writeFile(join(mnt, 'data', 'index.html'), '<h1>Hello</h1>\n');
  await writeFile(join(mnt, 'b.txt'), 'b');
  await writeFile(join(mnt, 'image.bin'), Buffer.from([0x89, 0x50, 0x00, 0x47]));
});
afterEach(async () => {
  if (saved === undefined) delete process.env.KUBELAB_HOME;
  else process.env.KUBELAB_HOME = saved;
  await rm(home, { recursive: true, force: true });
});

describe('files', () => {
  it('lists every node home and mnt plus volumes, saying which exist', async () => {
    const roots = await listRoots(config);
    expect(roots.map((r) => r.id)).toEqual([
      'control-plane/home',
      'control-plane/mnt',
      'worker1/home',
      'worker1/mnt',
      'volumes',
    ]);
    expect(roots.find((r) => r.id === 'worker1/mnt')).toMatchObject({
      exists: true,
      nodePath: '/mnt',
    });
    expect(roots.find((r) => r.id === 'volumes')?.exists).toBe(false);
  });

  it('lists folders first, then files by name', async () => {
    const listing = await listFolder(config, 'worker1/mnt', '');
    expect(listing.entries.map((e) => `${e.kind}:${e.name}`)).toEqual([
      'dir:data',
      'file:b.txt',
      'file:image.bin',
    ]);
  });

  it('reads text, reports binary as such, and refuses files over 1 MiB', async () => {
    const text = await readTextFile(config, 'worker1/mnt', 'data/index.html');
    expect(text).toMatchObject({ kind: 'text', content: '<h1>Hello</h1>\n', size: 15 });
    expect(await readTextFile(config, 'worker1/mnt', 'image.bin')).toMatchObject({
      kind: 'binary',
      size: 4,
    });
    await writeFile(
      join(config.nodes[1]!.hostDirs.mnt, 'big.log'),
      Buffer.alloc(1024 * 1024 + 1, 97),
    );
    await expect(readTextFile(config, 'worker1/mnt', 'big.log')).rejects.toMatchObject({
      code: 'FILE_TOO_LARGE',
    });
  });

  it('writes small text files and refuses more than 256 KiB', async () => {
    await writeTextFile(config, 'worker1/mnt', 'data/index.html', '<h1>Edited</h1>');
    expect(await readFile(join(config.nodes[1]!.hostDirs.mnt, 'data', 'index.html'), 'utf8')).toBe(
      '<h1>Edited</h1>',
    );
    await expect(
      writeTextFile(config, 'worker1/mnt', 'data/x.txt', 'x'.repeat(256 * 1024 + 1)),
    ).rejects.toMatchObject({ code: 'FILE_TOO_LARGE' });
  });

  it('names the folders that exist when given an unknown root', async () => {
    await expect(listFolder(config, 'worker2/mnt', '')).rejects.toMatchObject({
      code: 'NO_ROOT',
      fix: 'Its folders are: control-plane/home, control-plane/mnt, worker1/home, worker1/mnt, volumes.',
    });
  });
});
