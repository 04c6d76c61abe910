// `kubelab scenarios new ID [--dir DIR]`: a new scenario folder that lints clean, to edit.
import { join, relative } from 'node:path';
import { scaffoldScenario } from '../../scenarios/scaffold.ts';
import type { VerbRun } from '../command.ts';
import { green } from '../output.ts';
import { UsageError } from '../usage-error.ts';
import type { scenariosNewFlags } from '../verbs/scenarios.ts';

export const scenariosNew: VerbRun<typeof scenariosNewFlags> = async ({ values, positionals }) => {
  const [id] = positionals;
  if (id === undefined) throw new UsageError('Name the scenario: kubelab scenarios new ID');
  const parent = values.dir ?? process.cwd();
  const { dir, files } = await scaffoldScenario(id, parent);
  const shown = relative(process.cwd(), dir) || '.';
  console.log(green(`Created ${shown}:`));
  for (const file of files) console.log(`  ${join(shown, file)}`);
  console.log(
    `Next: edit them, check with \`kubelab scenarios lint ${shown}\`, and replay the steps on a lab`,
  );
  console.log(
    `with \`kubelab verify ${id} --scenarios-dir ${relative(process.cwd(), parent) || '.'}\`.`,
  );
  return 0;
};
