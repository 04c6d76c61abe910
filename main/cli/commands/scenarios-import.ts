// `kubelab scenarios import KILLERCODA_DIR [--out DIR] [--json]`: converts a Killercoda scenario,
// prints the report of what did not carry over (also in DIR/IMPORT-REPORT.md), then lints the
// result. Exit 0 when the new folder lints without errors.
import { join, relative } from 'node:path';
import { importKillercoda } from '../../scenarios/import/import.ts';
import { REPORT_FILE, reportLines } from '../../scenarios/import/report.ts';
import { lintScenarioFolder } from '../../scenarios/lint.ts';
import { formatProblem, hasErrors } from '../../scenarios/problems.ts';
import type { VerbRun } from '../command.ts';
import { bold, green, red, yellow } from '../output.ts';
import { UsageError } from '../usage-error.ts';
import type { scenariosImportFlags } from '../verbs/scenarios.ts';

export const scenariosImport: VerbRun<typeof scenariosImportFlags> = async ({
  values,
  positionals,
}) => {
  const [source] = positionals;
  if (source === undefined)
    throw new UsageError('Name the Killercoda folder: kubelab scenarios import DIR');
  const result = await importKillercoda(source, values.out);
  const problems = await lintScenarioFolder(result.out);
  const failed = hasErrors(problems);
  if (values.json) {
    // The report's Markdown is in the folder; JSON carries the same notes as data.
    const { source: from, out, id, steps, nodes, images, notes } = result;
    console.log(
      JSON.stringify(
        { source: from, out, id, steps, nodes, images, notes, lint: problems.map(formatProblem) },
        null,
        2,
      ),
    );
    return failed ? 1 : 0;
  }
  const near = relative(process.cwd(), result.out);
  const shown = near === '' ? '.' : near.startsWith('..') ? result.out : near;
  console.log(
    green(`Imported ${source} → ${shown}`) +
      ` (scenario ${result.id}: ${result.steps} step(s), ${result.nodes} node(s))`,
  );
  const lines = reportLines(result.notes);
  if (lines.length > 0) {
    console.log(bold(`\nReport (also in ${join(shown, REPORT_FILE)}):`));
    for (const line of lines) console.log(line);
  }
  console.log(bold('\nLint:'));
  for (const problem of problems) {
    const line = formatProblem(problem);
    console.log(problem.severity === 'error' ? red(line) : yellow(line));
  }
  console.log(
    failed
      ? red(`${shown}: lint found errors; correct them, then \`kubelab scenarios lint ${shown}\``)
      : green(`${shown}: ${problems.length ? `${problems.length} warning(s), ` : ''}no errors`),
  );
  return failed ? 1 : 0;
};
