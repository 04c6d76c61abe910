// Where the latest bench report is kept (named in the README): ~/.kubelab/bench/latest.json.
import { mkdir, writeFile } from 'node:fs/promises';
import { dirname, join, resolve } from 'node:path';
import { kubelabHome } from '../paths.ts';
import type { BenchReport } from './report.ts';

export function defaultReportPath(): string {
  return join(kubelabHome(), 'bench', 'latest.json');
}

export async function writeReportFile(report: BenchReport, file: string): Promise<string> {
  const path = resolve(file);
  await mkdir(dirname(path), { recursive: true });
  await writeFile(path, `${JSON.stringify(report, null, 2)}\n`);
  return path;
}
