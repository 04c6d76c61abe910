// `kubelab scenarios [--json]` lists the guided scenarios; `kubelab scenarios lint DIR…` checks
// scenario folders without a cluster (DIR is one scenario, or a folder of them).
import { readdir, stat } from 'node:fs/promises';
import { join } from 'node:path';
import type { VerbRun } from '../command.ts';
import { SCENARIO_FILE, loadAllScenarios } from '../../scenarios/load.ts';
import { lintScenarioFolder } from '../../scenarios/lint.ts';
import { formatProblem, hasErrors } from '../../scenarios/problems.ts';
import { bold, green, red, yellow } from '../output.ts';
import type { scenariosLintFlags, scenariosListFlags } from '../verbs/scenarios.ts';
import { scenariosRoot } from './scenario-args.ts';

export const list: VerbRun<typeof scenariosListFlags> = async ({ values }) => {
  const catalog = await loadAllScenarios(await scenariosRoot(values['scenarios-dir']));
  const rows = catalog.scenarios.map(({ id, scenario }) => ({
    id,
    title: scenario.title,
    level: scenario.level,
    minutes: scenario.minutes,
    nodes: scenario.nodes,
    steps: scenario.steps.length,
    summary: scenario.summary,
  }));
  const failures = catalog.failures.map((failure) => ({
    id: failure.id,
    problems: failure.problems.map(formatProblem),
  }));
  if (values.json) {
    console.log(JSON.stringify({ scenarios: rows, failures }, null, 2));
    return failures.length ? 1 : 0;
  }
  console.log(
    bold(
      `${'ID'.padEnd(17)}${'NODES'.padEnd(7)}${'STEPS'.padEnd(7)}${'LEVEL'.padEnd(14)}${'MIN'.padEnd(5)}TITLE`,
    ),
  );
  for (const row of rows) {
    console.log(
      `${row.id.padEnd(17)}${String(row.nodes).padEnd(7)}${String(row.steps).padEnd(7)}${row.level.padEnd(14)}${String(row.minutes).padEnd(5)}${row.title}`,
    );
  }
  for (const failure of failures) {
    console.log(red(`${failure.id}: does not load`));
    for (const problem of failure.problems) console.log(`  ${problem}`);
  }
  return failures.length ? 1 : 0;
};

/**
 * The scenario folders a lint argument means: the folder itself when it holds scenario.yaml,
 * else every subfolder that does (an instructor's folder of scenarios); an explanation otherwise.
 */
async function lintTargets(dir: string): Promise<{ folders: string[]; problem?: string }> {
  const isDir = await stat(dir).then(
    (s) => s.isDirectory(),
    () => false,
  );
  if (!isDir) return { folders: [], problem: `${dir}: there is no such folder` };
  const hasFile = (folder: string): Promise<boolean> =>
    stat(join(folder, SCENARIO_FILE)).then(
      (s) => s.isFile(),
      () => false,
    );
  if (await hasFile(dir)) return { folders: [dir] };
  const entries = await readdir(dir, { withFileTypes: true });
  const folders: string[] = [];
  for (const entry of entries.sort((a, b) => a.name.localeCompare(b.name)))
    if (entry.isDirectory() && (await hasFile(join(dir, entry.name))))
      folders.push(join(dir, entry.name));
  if (!folders.length)
    return {
      folders,
      problem: `${dir}: no ${SCENARIO_FILE} here and no scenario folders (with a ${SCENARIO_FILE}) under it`,
    };
  return { folders };
}

export const lint: VerbRun<typeof scenariosLintFlags> = async ({ positionals }) => {
  let errors = false;
  const folders: string[] = [];
  for (const arg of positionals) {
    const targets = await lintTargets(arg);
    if (targets.problem) {
      console.log(red(targets.problem));
      errors = true;
    }
    folders.push(...targets.folders);
  }
  for (const dir of folders) {
    const problems = await lintScenarioFolder(dir);
    for (const problem of problems) {
      const line = formatProblem(problem);
      console.log(problem.severity === 'error' ? red(line) : yellow(line));
    }
    if (hasErrors(problems)) errors = true;
    else
      console.log(
        green(`${dir}: ${problems.length ? `${problems.length} warning(s), ` : ''}no errors`),
      );
  }
  return errors ? 1 : 0;
};
