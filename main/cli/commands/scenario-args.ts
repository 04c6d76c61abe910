// Finding scenarios for the scenario verbs: by id in the catalogue (kubelab's scenarios/ plus
// those a workshop bundle installed), or only under --scenarios-dir when it is given.
import { stat } from 'node:fs/promises';
import { dirname, join, resolve } from 'node:path';
import { LabError } from '../../api/errors.ts';
import { SCENARIO_FILE, catalogRoots } from '../../scenarios/load.ts';

export { scenarioById } from '../../scenarios/by-id.ts';

export async function scenariosRoot(value: string | undefined): Promise<string | string[]> {
  if (value === undefined) return catalogRoots();
  const dir = resolve(value);
  const isDir = await stat(dir).then(
    (s) => s.isDirectory(),
    () => false,
  );
  if (!isDir)
    throw new LabError('NO_SCENARIOS_DIR', `--scenarios-dir ${value}: there is no folder ${dir}.`, {
      fix: 'Pass the folder that holds your scenario folders (each with a scenario.yaml).',
    });
  const isScenario = await stat(join(dir, SCENARIO_FILE)).then(
    () => true,
    () => false,
  );
  if (isScenario)
    throw new LabError(
      'NO_SCENARIOS_DIR',
      `--scenarios-dir ${value} is one scenario (it holds ${SCENARIO_FILE}), not a folder of scenarios.`,
      { fix: `Pass the folder above it: --scenarios-dir ${dirname(dir)}` },
    );
  return dir;
}
