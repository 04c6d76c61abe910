import { mkdtemp } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { VALID_FILES, withScenarioYaml, writeScenario } from './fixture.ts';
import type { ScenarioLoad } from './load.ts';
import { loadAllScenarios, loadScenario } from './load.ts';
import { formatProblem } from './problems.ts';
import { scenarioById } from './by-id.ts';

/** The problems of a load that must fail, formatted, with the folder shortened to DIR. */
function problemsOf(result: ScenarioLoad, dir: string): string[] {
  expect(result.ok).toBe(false);
  if (result.ok) return [];
  return result.problems.map((problem) => formatProblem(problem).split(dir).join('DIR'));
}

async function load(files: Record<string, string | undefined>): Promise<string[]> {
  const dir = await writeScenario(files);
  return problemsOf(await loadScenario(dir), dir);
}

describe('loadScenario', () => {
  it('loads a valid scenario with its step texts', async () => {
    const dir = await writeScenario(VALID_FILES);
    const result = await loadScenario(dir);
    expect(result.ok).toBe(true);
    if (!result.ok) return;
    expect(result.loaded.id).toBe('demo');
    expect(result.loaded.scenario.steps.map((step) => step.id)).toEqual(['create-pod', 'cleanup']);
    expect(result.loaded.markdown['cleanup']).toContain('kubectl delete pod web');
  });

  it('reports a misspelt field with its path and line', async () => {
    const problems = await load(
      withScenarioYaml((yaml) =>
        yaml.replace('    title: Create a pod', '    titel: Create a pod'),
      ),
    );
    expect(problems).toEqual([
      'DIR/scenario.yaml:10:5: steps[0].title: missing (expected string)',
      'DIR/scenario.yaml:11:12: steps[0].titel: unknown field',
    ]);
  });

  it('reports an unknown check type and lists the known ones', async () => {
    const problems = await load(
      withScenarioYaml((yaml) => yaml.replace('type: ready', 'type: readyy')),
    );
    expect(problems).toEqual([
      'DIR/scenario.yaml:15:15: steps[0].checks[0].type: unknown check type "readyy" (expected one of: exists, field, count, ready, ordered, exec, http, dns, file, trace)',
    ]);
  });

  it('reports a value of the wrong type', async () => {
    const problems = await load(
      withScenarioYaml((yaml) => yaml.replace('nodes: 1', 'nodes: three')),
    );
    expect(problems).toEqual(['DIR/scenario.yaml:6:8: nodes: expected number, found "three"']);
  });

  it('reports the closest alternative when a target is malformed', async () => {
    const problems = await load(
      withScenarioYaml((yaml) =>
        yaml.replace(
          '      - type: ready\n        kind: Pod\n        name: web\n',
          '      - type: exec\n        in: { node: worker7 }\n        command: hostname\n',
        ),
      ),
    );
    expect(problems).toEqual([
      'DIR/scenario.yaml:16:21: steps[0].checks[0].in.node: "worker7" is not allowed (expected one of: control-plane, worker1, worker2)',
    ]);
  });

  it('reports missing step texts and manifests', async () => {
    const problems = await load({
      ...VALID_FILES,
      'steps/02-cleanup.md': undefined,
      'manifests/pod.yaml': undefined,
    });
    expect(problems).toEqual([
      'DIR/scenario.yaml:13:13: steps[0].files[0]: file "manifests/pod.yaml" does not exist in DIR',
      'DIR/scenario.yaml:23:11: steps[1].text: step text "steps/02-cleanup.md" does not exist in DIR',
    ]);
  });

  it('reports a duplicate step id', async () => {
    const problems = await load(
      withScenarioYaml((yaml) => yaml.replace('  - id: cleanup', '  - id: create-pod')),
    );
    expect(problems).toEqual([
      'DIR/scenario.yaml:21:9: steps[1].id: duplicate step id "create-pod" (also steps[0])',
    ]);
  });

  it('reports YAML syntax errors with their line', async () => {
    const problems = await load(
      withScenarioYaml((yaml) => yaml.replace('title: Demo', 'title: [Demo')),
    );
    expect(problems.length).toBeGreaterThan(0);
    expect(problems[0]).toMatch(/^DIR\/scenario\.yaml:\d+:\d+: /);
  });

  it('reports a duplicate key', async () => {
    const problems = await load(
      withScenarioYaml((yaml) => yaml.replace('nodes: 1', 'nodes: 1\nnodes: 2')),
    );
    expect(problems).toEqual(['DIR/scenario.yaml:7:1: Map keys must be unique']);
  });

  it('requires the id to match the folder name', async () => {
    const dir = await writeScenario(VALID_FILES, 'other');
    expect(problemsOf(await loadScenario(dir), dir)).toEqual([
      'DIR/scenario.yaml:1:5: id: id "demo" must equal the folder name "other"',
    ]);
  });

  it('reports a folder without scenario.yaml', async () => {
    const problems = await load({ ...VALID_FILES, 'scenario.yaml': undefined });
    expect(problems).toEqual(['DIR/scenario.yaml: missing scenario.yaml']);
  });
});

describe('loadAllScenarios', () => {
  it('loads the good scenarios, sorted by order, and reports the broken ones', async () => {
    const root = await mkdtemp(join(tmpdir(), 'kubelab-scenarios-'));
    const renamed = (id: string, order: number): Record<string, string> =>
      withScenarioYaml((yaml) => yaml.replace('id: demo', `id: ${id}\norder: ${order}`));
    await writeScenario(renamed('zeta', 1), 'zeta', root);
    await writeScenario(renamed('alpha', 2), 'alpha', root);
    await writeScenario(
      withScenarioYaml((yaml) =>
        yaml.replace('id: demo', 'id: broken').replace('type: exists', 'type: gone'),
      ),
      'broken',
      root,
    );
    const catalog = await loadAllScenarios(root);
    expect(catalog.scenarios.map((s) => s.id)).toEqual(['zeta', 'alpha']);
    expect(catalog.failures.map((f) => f.id)).toEqual(['broken']);
    expect(catalog.failures[0]?.problems[0]?.message).toContain('unknown check type "gone"');
  });
});

describe('the catalogue from several roots (built-in, then installed from a bundle)', () => {
  it('merges them, a later root replacing a scenario of the same id; a missing later root is skipped', async () => {
    const builtIn = await mkdtemp(join(tmpdir(), 'kubelab-builtin-'));
    const installed = await mkdtemp(join(tmpdir(), 'kubelab-installed-'));
    const titled = (id: string, title: string): Record<string, string> =>
      withScenarioYaml((yaml) =>
        yaml.replace('id: demo', `id: ${id}`).replace('title: Demo', `title: ${title}`),
      );
    await writeScenario(titled('shared', 'Built-in edition'), 'shared', builtIn);
    await writeScenario(titled('only-builtin', 'Only built-in'), 'only-builtin', builtIn);
    await writeScenario(titled('shared', 'Workshop edition'), 'shared', installed);
    await writeScenario(titled('workshop', 'Workshop only'), 'workshop', installed);
    const catalog = await loadAllScenarios([builtIn, installed]);
    expect(catalog.scenarios.map((s) => `${s.id}: ${s.scenario.title}`).sort()).toEqual([
      'only-builtin: Only built-in',
      'shared: Workshop edition',
      'workshop: Workshop only',
    ]);
    // …and says where each came from, so the catalogue can mark the replaced one
    expect(Object.fromEntries(catalog.origins)).toEqual({
      'only-builtin': 'built-in',
      shared: 'bundle-replacing-built-in',
      workshop: 'bundle',
    });
    const shared = await scenarioById('shared', [builtIn, installed]);
    expect(shared.dir).toBe(join(installed, 'shared'));
    expect((await scenarioById('only-builtin', [builtIn, installed])).dir).toBe(
      join(builtIn, 'only-builtin'),
    );
    const none = await loadAllScenarios([builtIn, join(installed, 'not-there')]);
    expect(none.scenarios.map((s) => s.id)).toEqual(['only-builtin', 'shared']);
    await expect(loadAllScenarios([join(builtIn, 'not-there')])).rejects.toThrow(/ENOENT/);
    await expect(scenarioById('nope', [builtIn, installed])).rejects.toMatchObject({
      code: 'NO_SCENARIO',
    });
  });
});
