import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { readAppSettings, saveAppSettings } from './settings.ts';

describe('the app settings on disk', () => {
  let home: string;
  let previous: string | undefined;
  beforeEach(async () => {
    home = await mkdtemp(join(tmpdir(), 'kubelab-settings-'));
    previous = process.env.KUBELAB_HOME;
    process.env.KUBELAB_HOME = home;
  });
  afterEach(async () => {
    if (previous === undefined) delete process.env.KUBELAB_HOME;
    else process.env.KUBELAB_HOME = previous;
    await rm(home, { recursive: true, force: true });
  });

  it('are the defaults until saved: labs go into the kubeconfig', async () => {
    expect(await readAppSettings()).toEqual({ mergeKubeconfig: true });
  });

  it('keep what was saved', async () => {
    expect(await saveAppSettings({ mergeKubeconfig: false })).toEqual({ mergeKubeconfig: false });
    expect(await readAppSettings()).toEqual({ mergeKubeconfig: false });
    expect(JSON.parse(await readFile(join(home, 'settings.json'), 'utf8'))).toEqual({
      mergeKubeconfig: false,
    });
  });

  it('read a damaged file, or a bad value in it, as the defaults', async () => {
    await writeFile(join(home, 'settings.json'), '{"mergeKubeconfig": "yes", "other": 1}');
    expect(await readAppSettings()).toEqual({ mergeKubeconfig: true });
    await writeFile(join(home, 'settings.json'), '{not json');
    expect(await readAppSettings()).toEqual({ mergeKubeconfig: true });
  });
});
