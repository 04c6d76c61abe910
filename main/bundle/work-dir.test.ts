import { spawnSync } from 'node:child_process';
import { mkdir, readdir, utimes, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { useTempKubelabHome } from '../test-home.ts';
import { makeWorkDir, sweepAbandonedWorkDirs } from './work-dir.ts';

const tempHome = useTempKubelabHome('kubelab-work-dir');

/** A pid that existed and is gone: a child that has already exited. */
function deadPid(): number {
  const child = spawnSync(process.execPath, ['-e', 'console.log(process.pid)'], {
    encoding: 'utf8',
  });
  return Number(child.stdout.trim());
}

async function folder(parent: string, name: string, owner?: number): Promise<string> {
  const dir = join(parent, name);
  await mkdir(dir, { recursive: true });
  await writeFile(join(dir, 'images.kubelab'), 'half written');
  if (owner !== undefined) await writeFile(join(dir, '.owner-pid'), String(owner));
  return dir;
}

describe('work folders', () => {
  it("removes a killed run's folder and keeps those of running processes", async () => {
    const parent = join(tempHome(), 'tmp');
    await folder(parent, 'bundle-create-dead', deadPid());
    await folder(parent, 'bundle-create-mine', process.pid);
    await folder(parent, 'bundle-load-parent', process.ppid);
    const removed = await sweepAbandonedWorkDirs(parent);
    expect(removed).toEqual([join(parent, 'bundle-create-dead')]);
    expect((await readdir(parent)).sort()).toEqual(['bundle-create-mine', 'bundle-load-parent']);
  });

  it('removes an unowned folder only once it is a day old', async () => {
    const parent = join(tempHome(), 'tmp');
    const fresh = await folder(parent, 'bundle-create-fresh');
    const old = await folder(parent, 'bundle-create-old');
    const twoDaysAgo = new Date(Date.now() - 2 * 24 * 60 * 60 * 1000);
    await utimes(old, twoDaysAgo, twoDaysAgo);
    expect(await sweepAbandonedWorkDirs(parent)).toEqual([old]);
    expect(await readdir(parent)).toEqual([fresh.split('/').pop()]);
  });

  it('makeWorkDir sweeps first and marks the new folder as this process', async () => {
    const parent = join(tempHome(), 'tmp');
    await folder(parent, 'bundle-create-dead', deadPid());
    const dir = await makeWorkDir('bundle-create');
    expect(await readdir(parent)).toEqual([dir.split('/').pop()]);
    expect(await readdir(dir)).toEqual(['.owner-pid']);
  });

  it('is quiet when there is no scratch folder yet', async () => {
    expect(await sweepAbandonedWorkDirs(join(tempHome(), 'nothing-here'))).toEqual([]);
  });
});
