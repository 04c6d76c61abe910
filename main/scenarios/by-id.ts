// One scenario by id; a broken or unknown one is an error that says what is wrong.
import { join } from 'node:path';
import { LabError } from '../api/errors.ts';
import type { LoadedScenario } from './load.ts';
import type { ScenarioLoad } from './load.ts';
import { catalogRoots, loadAllScenarios, loadScenario } from './load.ts';
import { formatProblem } from './problems.ts';

const isMissing = (result: ScenarioLoad): boolean =>
  !result.ok && result.problems.some((p) => p.message.startsWith('missing scenario.yaml'));

/** By id from `root` (or the roots of the catalogue, a later root winning, as in the list). */
export async function scenarioById(
  id: string,
  root: string | readonly string[] = catalogRoots(),
): Promise<LoadedScenario> {
  const roots = typeof root === 'string' ? [root] : root;
  let result: ScenarioLoad | undefined;
  for (const dir of [...roots].reverse()) {
    result = await loadScenario(join(dir, id));
    if (!isMissing(result)) break;
  }
  if (result?.ok) return result.loaded;
  if (!result || isMissing(result)) {
    const { scenarios } = await loadAllScenarios(roots);
    throw new LabError('NO_SCENARIO', `There is no scenario "${id}" in ${roots.join(' or ')}.`, {
      fix: `Scenarios: ${scenarios.map((s) => s.id).join(', ')} (kubelab scenarios lists them).`,
    });
  }
  throw new LabError('BAD_SCENARIO', `Scenario "${id}" does not load.`, {
    details: result.problems.map(formatProblem),
    fix: `kubelab scenarios lint ${result.dir}`,
  });
}
