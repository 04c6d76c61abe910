// What the UI sees of the scenarios: metadata and each step's Markdown (checks stay in main).
import { catalogRoots, loadAllScenarios } from '../scenarios/load.ts';
import type { ScenarioView } from './schemas/scenarios.ts';

export async function scenarioViews(): Promise<ScenarioView[]> {
  const catalog = await loadAllScenarios(catalogRoots());
  return catalog.scenarios.map(({ id, scenario, markdown, pages }) => ({
    id,
    title: scenario.title,
    summary: scenario.summary,
    level: scenario.level,
    minutes: scenario.minutes,
    nodes: scenario.nodes,
    origin: catalog.origins.get(id) ?? 'built-in',
    intro: pages.intro,
    finish: pages.finish,
    steps: scenario.steps.map((step) => ({
      id: step.id,
      title: step.title,
      markdown: markdown[step.id] ?? '',
      hints: step.hints,
    })),
  }));
}
