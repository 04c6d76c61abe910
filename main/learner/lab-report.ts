// A lab's progress report, read now: its progress file and the scenario catalogue (the built-in
// scenarios and those a bundle installed, as `kubelab scenarios` and the app list them), built
// and rendered by the pure report.ts and report-html.ts. One path for the CLI and the app.
import type { ProgressReportAnswer } from '../api/schemas/report.ts';
import { catalogRoots, loadAllScenarios } from '../scenarios/load.ts';
import { readProgress } from './progress.ts';
import { buildProgressReport } from './report.ts';
import { renderReportHtml } from './report-html.ts';

export async function labProgressReport(
  lab: string,
  now: Date = new Date(),
): Promise<ProgressReportAnswer> {
  const [{ progress, warning }, catalog] = await Promise.all([
    readProgress(lab),
    loadAllScenarios(catalogRoots()),
  ]);
  const report = buildProgressReport({
    lab,
    generatedAt: now,
    progress,
    catalogue: catalog.scenarios.map(({ id, scenario }) => ({
      id,
      title: scenario.title,
      steps: scenario.steps.map((step) => ({ id: step.id, title: step.title })),
    })),
    broken: catalog.failures.map((failure) => failure.id),
    progressWarning: warning,
  });
  return { report, html: renderReportHtml(report) };
}
