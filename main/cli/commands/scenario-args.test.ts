import { mkdtemp } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { VALID_FILES, writeScenario } from '../../scenarios/fixture.ts';
import { catalogRoots } from '../../scenarios/load.ts';
import { scenariosRoot } from './scenario-args.ts';

describe('--scenarios-dir', () => {
  it('is the catalogue (built-in, then installed) when not given', async () => {
    expect(await scenariosRoot(undefined)).toEqual(catalogRoots());
  });

  it('takes an instructor folder of scenario folders anywhere on disk', async () => {
    const dir = dirname(await writeScenario(VALID_FILES));
    expect(await scenariosRoot(dir)).toBe(dir);
  });

  it('says what to pass instead of a missing folder or a single scenario', async () => {
    const missing = join(await mkdtemp(join(tmpdir(), 'kubelab-args-')), 'nope');
    await expect(scenariosRoot(missing)).rejects.toMatchObject({
      code: 'NO_SCENARIOS_DIR',
      message: `--scenarios-dir ${missing}: there is no folder ${missing}.`,
    });
    const one = await writeScenario(VALID_FILES);
    await expect(scenariosRoot(one)).rejects.toMatchObject({
      message: `--scenarios-dir ${one} is one scenario (it holds scenario.yaml), not a folder of scenarios.`,
      fix: `Pass the folder above it: --scenarios-dir ${dirname(one)}`,
    });
  });
});
