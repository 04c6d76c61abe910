// The Home catalogue's view of each scenario: its facts and how far the learner got in this lab.
import type { ProgressView, ScenarioView } from '../../../main/api/schemas/scenarios.ts';

export interface CatalogueEntry {
  id: string;
  title: string;
  summary: string;
  level: string;
  minutes: number;
  nodes: number;
  steps: number;
  passed: number;
  /** 0..100, whole steps passed. */
  percent: number;
  state: 'new' | 'started' | 'done';
  origin: ScenarioView['origin'];
}

export function catalogueEntries(
  scenarios: readonly ScenarioView[],
  progress: ProgressView,
): CatalogueEntry[] {
  return scenarios.map((scenario) => {
    const ids = new Set(scenario.steps.map((step) => step.id));
    // Only steps the scenario still has count (a step renamed since keeps no stale credit).
    const passed = (progress[scenario.id]?.passed ?? []).filter((id) => ids.has(id)).length;
    const steps = scenario.steps.length;
    return {
      id: scenario.id,
      title: scenario.title,
      summary: scenario.summary,
      level: scenario.level,
      minutes: scenario.minutes,
      nodes: scenario.nodes,
      steps,
      passed,
      percent: steps ? Math.round((passed / steps) * 100) : 0,
      state: passed === 0 ? 'new' : passed >= steps ? 'done' : 'started',
      origin: scenario.origin,
    };
  });
}
