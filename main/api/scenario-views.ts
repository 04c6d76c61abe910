// What the UI sees of the scenarios: metadata and each step's Markdown (checks stay in main).
// In authoring mode also lint's problems, and a scenario that stopped loading mid-edit stays
// listed — as it last loaded, or as its bare id — so its problems have somewhere to show.
import { basename, dirname, relative } from 'node:path';
import { describeCheck } from '../checker/describe.ts';
import { authoringMode } from '../scenarios/catalog-env.ts';
import { lintScenarioFolder } from '../scenarios/lint.ts';
import type { LoadedScenario, ScenarioOrigin } from '../scenarios/load.ts';
import { catalogRoots, loadAllScenarios } from '../scenarios/load.ts';
import type { ScenarioProblem } from '../scenarios/problems.ts';
import type { ScenarioView } from './schemas/scenarios.ts';

/** Authoring mode's last good view of each scenario, by id. */
const lastGood = new Map<string, ScenarioView>();

function toView(loaded: LoadedScenario, origin: ScenarioOrigin, authoring: boolean): ScenarioView {
  const { id, scenario, markdown, pages } = loaded;
  return {
    id,
    title: scenario.title,
    summary: scenario.summary,
    level: scenario.level,
    minutes: scenario.minutes,
    nodes: scenario.nodes,
    origin,
    intro: pages.intro,
    finish: pages.finish,
    authoring,
    problems: [],
    steps: scenario.steps.map((step) => ({
      id: step.id,
      title: step.title,
      markdown: markdown[step.id] ?? '',
      hints: step.hints,
      checks: step.checks.map(describeCheck),
    })),
  };
}

/** Problems with paths from the catalogue folder (`demo/scenario.yaml`), as an author reads them. */
function fromCatalog(dir: string, problems: readonly ScenarioProblem[]): ScenarioProblem[] {
  const root = dirname(dir);
  return problems.map((problem) => ({ ...problem, file: relative(root, problem.file) }));
}

function stubView(id: string): ScenarioView {
  return {
    id,
    title: id,
    summary: 'This scenario does not load yet: see its problems.',
    level: 'beginner',
    minutes: 1,
    nodes: 1,
    origin: 'built-in',
    intro: null,
    finish: null,
    authoring: true,
    problems: [],
    steps: [],
  };
}

export async function scenarioViews(): Promise<ScenarioView[]> {
  const authoring = authoringMode();
  const catalog = await loadAllScenarios(catalogRoots());
  const origin = (id: string): ScenarioOrigin => catalog.origins.get(id) ?? 'built-in';
  if (!authoring)
    return catalog.scenarios.map((loaded) => toView(loaded, origin(loaded.id), false));
  const views: ScenarioView[] = [];
  for (const loaded of catalog.scenarios) {
    const view = toView(loaded, origin(loaded.id), true);
    view.problems = fromCatalog(loaded.dir, await lintScenarioFolder(loaded.dir));
    lastGood.set(loaded.id, view);
    views.push(view);
  }
  for (const failure of catalog.failures) {
    const id = basename(failure.dir);
    const base = lastGood.get(id) ?? stubView(id);
    views.push({ ...base, problems: fromCatalog(failure.dir, failure.problems) });
  }
  return views;
}
