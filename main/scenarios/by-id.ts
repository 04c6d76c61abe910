// One scenario by id; a broken or unknown one is an error that says what is wrong.
import { join } from 'node:path';
import { LabError } from '../api/errors.ts';
import type { LoadedScenario } from './load.ts';
import { defaultScenariosRoot, loadAllScenarios, loadScenario } from './load.ts';
import { formatProblem } from './problems.ts';

export async function scenarioById(id: string, root: string = defaultScenariosRoot()): Promise<LoadedScenario> {
  const result = await loadScenario(join(root, id));
  if (result.ok) return result.loaded;
  const missing = result.problems.some((p) => p.message.startsWith('missing scenario.yaml'));
  if (missing) {
    const { scenarios } = await loadAllScenarios(root);
    throw new LabError('NO_SCENARIO', `There is no scenario "${id}" in ${root}.`, {
      fix: `Scenarios: ${scenarios.map((s) => s.id).join(', ')} (kubelab scenarios lists them).`,
    });
  }
  throw new LabError('BAD_SCENARIO', `Scenario "${id}" does not load.`, {
    details: result.problems.map(formatProblem),
    fix: `kubelab scenarios lint ${join(root, id)}`,
  });
}
