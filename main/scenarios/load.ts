// Loads scenarios from disk: one folder, or every folder under scenarios/. A broken scenario
// comes back as a list of precise problems while the others still load.
import { readFile, readdir, stat } from 'node:fs/promises';
import { basename, join } from 'node:path';
import { appRoot } from '../paths.ts';
import type { ScenarioProblem } from './problems.ts';
import { formatPath } from './problems.ts';
import type { Scenario } from './schema.ts';
import { ScenarioSchema } from './schema.ts';
import { problemsFromIssues } from './issues.ts';
import { parseYamlSource } from './yaml-source.ts';
import type { YamlSource } from './yaml-source.ts';

export const SCENARIO_FILE = 'scenario.yaml';

export interface LoadedScenario {
  id: string;
  /** The scenario folder; step texts and files are relative to it. */
  dir: string;
  scenario: Scenario;
  /** Each step's Markdown, by step id. */
  markdown: Record<string, string>;
}

export type ScenarioLoad =
  | { ok: true; loaded: LoadedScenario }
  | { ok: false; id: string; dir: string; problems: ScenarioProblem[] };

export interface ScenarioCatalog {
  scenarios: LoadedScenario[];
  failures: Extract<ScenarioLoad, { ok: false }>[];
}

export function defaultScenariosRoot(): string {
  return join(appRoot(), 'scenarios');
}

async function isFile(path: string): Promise<boolean> {
  try {
    return (await stat(path)).isFile();
  } catch {
    return false;
  }
}

/** Problems for step files that are missing; the Markdown of those that exist. */
async function readStepFiles(
  dir: string,
  scenario: Scenario,
  source: YamlSource,
  file: string,
): Promise<{ problems: ScenarioProblem[]; markdown: Record<string, string> }> {
  const problems: ScenarioProblem[] = [];
  const markdown: Record<string, string> = {};
  const missing = (path: (string | number)[], what: string, name: string): void => {
    const problem: ScenarioProblem = {
      severity: 'error',
      file,
      path: formatPath(path),
      message: `${what} "${name}" does not exist in ${dir}`,
    };
    Object.assign(problem, source.locate(path));
    problems.push(problem);
  };
  for (const [i, step] of scenario.steps.entries()) {
    const textPath = join(dir, step.text);
    if (await isFile(textPath)) {
      const text = await readFile(textPath, 'utf8');
      if (text.trim() === '') {
        problems.push({ severity: 'error', file: textPath, message: 'the step text is empty' });
      }
      markdown[step.id] = text;
    } else {
      missing(['steps', i, 'text'], 'step text', step.text);
    }
    for (const [j, name] of step.files.entries()) {
      if (!(await isFile(join(dir, name)))) missing(['steps', i, 'files', j], 'file', name);
    }
  }
  return { problems, markdown };
}

/** Loads and validates the scenario in `dir` (its folder name is its id). */
export async function loadScenario(dir: string): Promise<ScenarioLoad> {
  const id = basename(dir);
  const file = join(dir, SCENARIO_FILE);
  const fail = (problems: ScenarioProblem[]): ScenarioLoad => ({ ok: false, id, dir, problems });
  let text: string;
  try {
    text = await readFile(file, 'utf8');
  } catch {
    return fail([{ severity: 'error', file, message: `missing ${SCENARIO_FILE}` }]);
  }
  const source = parseYamlSource(text);
  if (source.errors.length > 0) {
    return fail(
      source.errors.map((error) => ({
        severity: 'error',
        file,
        message: error.message,
        ...error.position,
      })),
    );
  }
  const parsed = ScenarioSchema.safeParse(source.data);
  if (!parsed.success) return fail(problemsFromIssues(parsed.error.issues, source, file));
  const scenario = parsed.data;
  const problems: ScenarioProblem[] = [];
  if (scenario.id !== id) {
    problems.push({
      severity: 'error',
      file,
      path: 'id',
      message: `id "${scenario.id}" must equal the folder name "${id}"`,
      ...source.locate(['id']),
    });
  }
  const steps = await readStepFiles(dir, scenario, source, file);
  problems.push(...steps.problems);
  if (problems.length > 0) return fail(problems);
  return { ok: true, loaded: { id, dir, scenario, markdown: steps.markdown } };
}

function byOrder(a: LoadedScenario, b: LoadedScenario): number {
  const orderA = a.scenario.order ?? Number.MAX_SAFE_INTEGER;
  const orderB = b.scenario.order ?? Number.MAX_SAFE_INTEGER;
  return orderA - orderB || a.id.localeCompare(b.id);
}

/** Every scenario folder under `root` (each subfolder is one), sorted by `order` then id. */
export async function loadAllScenarios(root = defaultScenariosRoot()): Promise<ScenarioCatalog> {
  const entries = await readdir(root, { withFileTypes: true });
  const folders = entries
    .filter((entry) => entry.isDirectory() && !entry.name.startsWith('.'))
    .map((entry) => entry.name)
    .sort();
  const results = await Promise.all(folders.map((name) => loadScenario(join(root, name))));
  const catalog: ScenarioCatalog = { scenarios: [], failures: [] };
  for (const result of results) {
    if (result.ok) catalog.scenarios.push(result.loaded);
    else catalog.failures.push(result);
  }
  catalog.scenarios.sort(byOrder);
  return catalog;
}
