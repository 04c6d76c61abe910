// The import plan on disk: scenario.yaml (with a header pointing at the report), the texts,
// scripts and assets, and IMPORT-REPORT.md, written as one new folder.
import { Document } from 'yaml';
import { SCENARIO_FILE } from '../load.ts';
import { writeNewFolder } from '../write-folder.ts';
import type { ImportPlan } from './map.ts';
import type { ReportHeader } from './report.ts';
import { REPORT_FILE, renderReport } from './report.ts';

export function renderScenarioYaml(plan: ImportPlan, source: string): string {
  const doc = new Document(plan.scenario);
  doc.commentBefore =
    ` Imported from the Killercoda scenario ${source} by \`kubelab scenarios import\`.\n` +
    ` ${REPORT_FILE} lists what did not carry over or needs a look; the format is scenarios/README.md.`;
  // No folding: commands and scripts stay one line per line, as they run.
  return doc.toString({ lineWidth: 0 });
}

export async function writeImport(plan: ImportPlan, out: string, source: string): Promise<string> {
  const header: ReportHeader = {
    source,
    id: plan.scenario.id,
    steps: plan.scenario.steps.length,
    nodes: plan.scenario.nodes,
  };
  const report = renderReport(header, plan.notes);
  const files = new Map<string, string>([
    [SCENARIO_FILE, renderScenarioYaml(plan, source)],
    ...plan.outputs,
    [REPORT_FILE, report],
  ]);
  await writeNewFolder(out, files);
  return report;
}
