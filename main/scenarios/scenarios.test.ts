// The real scenarios under scenarios/: all seven load, lint clean, and keep a few promises the
// format cannot express on its own.
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { stepChecks } from './consistency.ts';
import { defaultScenariosRoot, loadAllScenarios } from './load.ts';
import { lintScenarioFolder } from './lint.ts';
import { formatProblem } from './problems.ts';

const SCENARIOS = [
  'two-containers',
  'pod-networking',
  'nginx-ghost',
  'services',
  'volumes',
  'hostpath-pv',
  'statefulset',
];

describe('the scenarios in scenarios/', () => {
  it('all load, in teaching order', async () => {
    const catalog = await loadAllScenarios();
    const failures = catalog.failures.flatMap((f) => f.problems.map(formatProblem));
    expect(failures).toEqual([]);
    expect(catalog.scenarios.map((s) => s.id)).toEqual(SCENARIOS);
  });

  it.each(SCENARIOS)('%s lints without errors or warnings', async (id) => {
    const problems = await lintScenarioFolder(join(defaultScenariosRoot(), id));
    expect(problems.map(formatProblem)).toEqual([]);
  });

  it('give every step a hint, a described check and a text with commands', async () => {
    const { scenarios } = await loadAllScenarios();
    for (const { id, scenario, markdown } of scenarios) {
      for (const step of scenario.steps) {
        const where = `${id}/${step.id}`;
        expect(step.hints.length, where).toBeGreaterThan(0);
        expect(markdown[step.id], where).toMatch(/^```bash$/m);
        for (const check of step.checks) expect(check.description, where).toBeDefined();
      }
    }
  });

  it('only wait on checks that can converge, with a timeout long enough for ready checks', async () => {
    const { scenarios } = await loadAllScenarios();
    for (const { id, scenario } of scenarios) {
      for (const step of scenario.steps) {
        for (const { check, path } of stepChecks(step)) {
          if (check.type !== 'ready') continue;
          expect(check.timeoutSeconds, `${id}/${step.id} ${path.join('.')}`).toBeGreaterThanOrEqual(
            30,
          );
        }
      }
    }
  });
});
