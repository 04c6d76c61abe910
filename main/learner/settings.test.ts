import { readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { useTempKubelabHome } from '../test-home.ts';
import { readAppSettings, saveAppSettings } from './settings.ts';

describe('the app settings on disk', () => {
  const home = useTempKubelabHome('kubelab-settings');

  it('are the defaults until saved: labs go into the kubeconfig', async () => {
    expect(await readAppSettings()).toEqual({ mergeKubeconfig: true });
  });

  it('keep what was saved', async () => {
    expect(await saveAppSettings({ mergeKubeconfig: false })).toEqual({ mergeKubeconfig: false });
    expect(await readAppSettings()).toEqual({ mergeKubeconfig: false });
    expect(JSON.parse(await readFile(join(home(), 'settings.json'), 'utf8'))).toEqual({
      mergeKubeconfig: false,
    });
  });

  it('read a damaged file, or a bad value in it, as the defaults', async () => {
    await writeFile(join(home(), 'settings.json'), '{"mergeKubeconfig": "yes", "other": 1}');
    expect(await readAppSettings()).toEqual({ mergeKubeconfig: true });
    await writeFile(join(home(), 'settings.json'), '{not json');
    expect(await readAppSettings()).toEqual({ mergeKubeconfig: true });
  });
});
