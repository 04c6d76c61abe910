// `kubelab scenarios import`: a Killercoda scenario folder in, a kubelab scenario folder out,
// with the report of what did not carry over. read → map → write; lint is the caller's.
import { basename, resolve } from 'node:path';
import { checkScenarioId } from '../write-folder.ts';
import { mapKillercoda } from './map.ts';
import { readKillercodaFolder } from './read.ts';
import type { ImportNote } from './report.ts';
import { kebab } from './map.ts';
import { writeImport } from './write.ts';

export interface ImportResult {
  source: string;
  /** The new scenario folder. */
  out: string;
  id: string;
  steps: number;
  nodes: number;
  images: string[];
  notes: ImportNote[];
  /** IMPORT-REPORT.md as written. */
  report: string;
}

/** The folder an import writes by default: ./<Killercoda folder name, kebab-case>. */
export function defaultOut(source: string, cwd = process.cwd()): string {
  return resolve(cwd, kebab(basename(resolve(source)), 'imported-scenario'));
}

export async function importKillercoda(
  source: string,
  out = defaultOut(source),
): Promise<ImportResult> {
  const id = basename(resolve(out));
  checkScenarioId(id, 'The output folder’s name');
  const folder = await readKillercodaFolder(source);
  const plan = mapKillercoda(folder, id);
  const report = await writeImport(plan, out, basename(resolve(source)));
  return {
    source,
    out,
    id,
    steps: plan.scenario.steps.length,
    nodes: plan.scenario.nodes,
    images: plan.scenario.images ?? [],
    notes: plan.notes,
    report,
  };
}
