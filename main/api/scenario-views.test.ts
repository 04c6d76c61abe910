// Authoring mode's view of a watched folder: lint's problems with each scenario, and a scenario
// that stops loading mid-edit stays listed (as it last loaded) with what is wrong.
import { mkdtemp, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { serveCatalog } from '../scenarios/catalog-env.ts';
import { VALID_FILES, writeScenario } from '../scenarios/fixture.ts';
import { scenarioViews } from './scenario-views.ts';

afterEach(() => serveCatalog(null, false));

async function catalog(): Promise<string> {
  const root = await mkdtemp(join(tmpdir(), 'kubelab-views-'));
  await writeScenario(VALID_FILES, 'demo', root);
  return root;
}

describe('scenarioViews', () => {
  it('reads only --scenarios-dir, with each step’s checks in words, and no problems outside authoring', async () => {
    const root = await catalog();
    serveCatalog(root, false);
    const views = await scenarioViews();
    expect(views.map((v) => [v.id, v.authoring, v.problems])).toEqual([['demo', false, []]]);
    expect(views[0]?.steps[1]?.checks).toEqual(['Pod web is gone.']);
  });

  it('shows lint problems in authoring mode, and keeps a scenario that stopped loading', async () => {
    const root = await catalog();
    serveCatalog(root, true);
    const [good] = await scenarioViews();
    expect(good?.problems).toEqual([]);
    const yaml = join(root, 'demo', 'scenario.yaml');
    await writeFile(yaml, VALID_FILES['scenario.yaml']!.replace('type: exists', 'type: nope'));
    await writeScenario({ 'scenario.yaml': 'id: [' }, 'fresh', root);
    const views = await scenarioViews();
    const demo = views.find((v) => v.id === 'demo');
    expect(demo?.title).toBe('Demo');
    expect(demo?.steps).toHaveLength(2);
    expect(demo?.problems).toEqual([
      expect.objectContaining({
        severity: 'error',
        file: join('demo', 'scenario.yaml'),
        line: 25,
        path: 'steps[1].checks[0].type',
      }),
    ]);
    const fresh = views.find((v) => v.id === 'fresh');
    expect(fresh?.steps).toEqual([]);
    expect(fresh?.problems[0]?.file).toBe(join('fresh', 'scenario.yaml'));
  });
});
