// Loads scenarios from disk: one folder, or every folder under scenarios/. A broken scenario
// comes back as a list of precise problems while the others still load.
import { readFile, readdir, stat } from 'node:fs/promises';
import { basename, join } from 'node:path';
import { kubelabHome, resourcesRoot } from '../paths.ts';
import { scenariosDirOverride } from './catalog-env.ts';
import type { ScenarioProblem } from './problems.ts';
import { formatPath } from './problems.ts';
import { placementOf } from './placement.ts';
import type { Scenario, SetupAction, StepFile } from './schema.ts';
import { ScenarioSchema } from './schema.ts';
import { problemsFromIssues } from './issues.ts';
import { parseYamlSource } from './yaml-source.ts';
import { scanLiveValues } from './templates.ts';
import type { YamlSource } from './yaml-source.ts';

export const SCENARIO_FILE = 'scenario.yaml';

export interface LoadedScenario {
  id: string;
  /** The scenario folder; step texts and files are relative to it. */
  dir: string;
  scenario: Scenario;
  /** Each step's Markdown, by step id. */
  markdown: Record<string, string>;
  /** The intro and finish pages' Markdown, when the scenario has them. */
  pages: ScenarioPages;
}

export interface ScenarioPages {
  intro: string | null;
  finish: string | null;
}

export type ScenarioLoad =
  | { ok: true; loaded: LoadedScenario }
  | { ok: false; id: string; dir: string; problems: ScenarioProblem[] };

export interface ScenarioCatalog {
  scenarios: LoadedScenario[];
  failures: Extract<ScenarioLoad, { ok: false }>[];
  /** Where each id came from: the first root (built in) or a later one (installed by a bundle),
   *  and whether it replaced a scenario of the same id from an earlier root. */
  origins: Map<string, ScenarioOrigin>;
}

export type ScenarioOrigin = 'built-in' | 'bundle' | 'bundle-replacing-built-in';

export function defaultScenariosRoot(): string {
  return join(resourcesRoot(), 'scenarios');
}

/** Where `kubelab bundle load` installs a workshop's scenarios (one folder per scenario). */
export function installedScenariosRoot(): string {
  return join(kubelabHome(), 'scenarios');
}

/**
 * The folders the catalogue is read from, lowest precedence first: the scenarios that ship with
 * kubelab, then those a workshop bundle installed. A bundle's scenario replaces a built-in one
 * of the same id: the instructor loaded it on purpose, for this workshop. A process started
 * with `--scenarios-dir DIR` (catalog-env.ts) reads only that folder.
 */
export function catalogRoots(): string[] {
  const override = scenariosDirOverride();
  if (override !== null) return [override];
  return [defaultScenariosRoot(), installedScenariosRoot()];
}

async function isFile(path: string): Promise<boolean> {
  try {
    return (await stat(path)).isFile();
  } catch {
    return false;
  }
}

type YamlPath = (string | number)[];

/** The files a scenario.yaml names besides Markdown: placed files and applied manifests. */
function namedFiles(scenario: Scenario): { path: YamlPath; name: string }[] {
  const named: { path: YamlPath; name: string }[] = [];
  const add = (base: YamlPath, files: readonly StepFile[], setup: readonly SetupAction[]): void => {
    files.forEach((entry, j) =>
      named.push({ path: [...base, 'files', j], name: placementOf(entry).source }),
    );
    setup.forEach((action, j) => {
      if ('apply' in action)
        named.push({ path: [...base, 'setup', j, 'apply'], name: action.apply });
    });
  };
  add([], scenario.files, scenario.setup);
  scenario.steps.forEach((step, i) => add(['steps', i], step.files, step.setup));
  return named;
}

/** Problems for the files scenario.yaml names that are missing or not text; the Markdown read. */
async function readScenarioFiles(
  dir: string,
  scenario: Scenario,
  source: YamlSource,
  file: string,
): Promise<{
  problems: ScenarioProblem[];
  markdown: Record<string, string>;
  pages: ScenarioPages;
}> {
  const problems: ScenarioProblem[] = [];
  const markdown: Record<string, string> = {};
  const pages: ScenarioPages = { intro: null, finish: null };
  const at = (path: YamlPath, message: string): void => {
    problems.push({
      severity: 'error',
      file,
      path: formatPath(path),
      message,
      ...source.locate(path),
    });
  };
  const readMarkdown = async (
    path: YamlPath,
    what: string,
    name: string,
  ): Promise<string | null> => {
    const textPath = join(dir, name);
    if (!(await isFile(textPath))) {
      at(path, `${what} "${name}" does not exist in ${dir}`);
      return null;
    }
    const text = await readFile(textPath, 'utf8');
    if (text.trim() === '')
      problems.push({ severity: 'error', file: textPath, message: `the ${what} is empty` });
    for (const message of scanLiveValues(text).errors)
      problems.push({ severity: 'error', file: textPath, message });
    return text;
  };
  for (const [i, step] of scenario.steps.entries()) {
    const text = await readMarkdown(['steps', i, 'text'], 'step text', step.text);
    if (text !== null) markdown[step.id] = text;
  }
  if (scenario.intro) pages.intro = await readMarkdown(['intro'], 'intro page', scenario.intro);
  if (scenario.finish)
    pages.finish = await readMarkdown(['finish'], 'finish page', scenario.finish);
  for (const { path, name } of namedFiles(scenario)) {
    const content = await readFile(join(dir, name)).catch(() => null);
    if (content === null) at(path, `file "${name}" does not exist in ${dir}`);
    else if (!isText(content))
      at(path, `"${name}" is not a UTF-8 text file (only text files are placed on nodes)`);
  }
  // In the order an author reads them: scenario.yaml top to bottom, then the other files.
  const rank = (p: ScenarioProblem): [number, number] => [
    p.file === file ? 0 : 1,
    p.line ?? Infinity,
  ];
  problems.sort((a, b) => rank(a)[0] - rank(b)[0] || rank(a)[1] - rank(b)[1]);
  return { problems, markdown, pages };
}

/** UTF-8 without NUL bytes: what a node file written through a shell can hold faithfully. */
function isText(content: Buffer): boolean {
  if (content.includes(0)) return false;
  return Buffer.from(content.toString('utf8'), 'utf8').equals(content);
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
  const read = await readScenarioFiles(dir, scenario, source, file);
  problems.push(...read.problems);
  if (problems.length > 0) return fail(problems);
  return { ok: true, loaded: { id, dir, scenario, markdown: read.markdown, pages: read.pages } };
}

function byOrder(a: LoadedScenario, b: LoadedScenario): number {
  const orderA = a.scenario.order ?? Number.MAX_SAFE_INTEGER;
  const orderB = b.scenario.order ?? Number.MAX_SAFE_INTEGER;
  return orderA - orderB || a.id.localeCompare(b.id);
}

/** The scenario folders under `root` (hidden ones, e.g. a load in progress, are skipped). */
async function scenarioFolders(root: string): Promise<string[]> {
  const entries = await readdir(root, { withFileTypes: true });
  return entries
    .filter((entry) => entry.isDirectory() && !entry.name.startsWith('.'))
    .map((entry) => join(root, entry.name));
}

/**
 * Every scenario folder under `root` (each subfolder is one), sorted by `order` then id. Given
 * several roots, a later root's scenario replaces an earlier one's of the same id; a later root
 * that does not exist is skipped (nothing installed yet), the first must exist.
 */
export async function loadAllScenarios(
  root: string | readonly string[] = defaultScenariosRoot(),
): Promise<ScenarioCatalog> {
  const roots = typeof root === 'string' ? [root] : root;
  const byId = new Map<string, string>();
  const origins = new Map<string, ScenarioOrigin>();
  for (const [i, dir] of roots.entries()) {
    const folders = await scenarioFolders(dir).catch((error: unknown) => {
      if (i > 0 && (error as NodeJS.ErrnoException).code === 'ENOENT') return [];
      throw error;
    });
    for (const folder of folders) {
      const id = basename(folder);
      origins.set(id, i === 0 ? 'built-in' : byId.has(id) ? 'bundle-replacing-built-in' : 'bundle');
      byId.set(id, folder);
    }
  }
  const folders = [...byId.keys()].sort().map((id) => byId.get(id) ?? id);
  const results = await Promise.all(folders.map((folder) => loadScenario(folder)));
  const catalog: ScenarioCatalog = { scenarios: [], failures: [], origins };
  for (const result of results) {
    if (result.ok) catalog.scenarios.push(result.loaded);
    else catalog.failures.push(result);
  }
  catalog.scenarios.sort(byOrder);
  return catalog;
}
