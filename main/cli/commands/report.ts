// `kubelab report [--lab NAME] FILE [--json]`: the lab's progress report as an HTML page (FILE)
// and its data as JSON beside it (FILE with .json), for an instructor. An existing report is
// replaced: it is a snapshot, and the newest one is the one wanted.
import { stat, writeFile } from 'node:fs/promises';
import { dirname, extname, resolve } from 'node:path';
import { LabError } from '../../api/errors.ts';
import { labDir } from '../../lab/config.ts';
import { labProgressReport } from '../../learner/lab-report.ts';
import type { VerbRun } from '../command.ts';
import { green, yellow } from '../output.ts';
import { UsageError } from '../usage-error.ts';
import type { reportFlags } from '../verbs/report.ts';
import { labName } from './lab-args.ts';

export interface ReportPaths {
  html: string;
  json: string;
}

/** FILE as given (the HTML) and FILE with its extension replaced by .json (added if none). */
export function reportPaths(file: string): ReportPaths {
  const html = resolve(file);
  const ext = extname(html);
  if (ext.toLowerCase() === '.json')
    throw new UsageError(
      `FILE ${file} ends in .json, the name the JSON report takes: name the HTML page, e.g. ${file.slice(0, -ext.length)}.html`,
    );
  return { html, json: `${html.slice(0, html.length - ext.length)}.json` };
}

type Kind = 'folder' | 'file' | 'missing';

const kindOf = (path: string): Promise<Kind> =>
  stat(path).then(
    (s) => (s.isDirectory() ? 'folder' : 'file'),
    () => 'missing',
  );

/** Refuses, before anything is read, a FILE that cannot be written where it says. */
async function checkWritable(paths: ReportPaths): Promise<void> {
  const folder = dirname(paths.html);
  const where = await kindOf(folder);
  if (where === 'missing')
    throw new LabError('NO_FOLDER', `There is no folder ${folder} to write the report in.`, {
      fix: `Make it first (mkdir -p ${folder}), or name a FILE in a folder that exists.`,
    });
  if (where === 'file')
    throw new LabError('NOT_A_FOLDER', `${folder} is a file, not a folder.`, {
      fix: 'Name a FILE in a folder that exists.',
    });
  for (const path of [paths.html, paths.json]) {
    if ((await kindOf(path)) === 'folder')
      throw new LabError('NOT_A_FILE', `${path} is a folder; the report is written as a file.`, {
        fix: `Name a file, e.g. ${resolve(path, 'report.html')}`,
      });
  }
}

/** A lab name with no folder is most likely a typo: an empty report would hide it. */
async function checkLab(lab: string): Promise<void> {
  if ((await kindOf(labDir(lab))) !== 'folder')
    throw new LabError('LAB_NOT_FOUND', `There is no lab "${lab}" here (no ${labDir(lab)}).`, {
      fix: '`kubelab labs` lists the labs on this machine; name one with --lab NAME.',
    });
}

export const run: VerbRun<typeof reportFlags> = async ({ values, positionals }) => {
  const lab = labName(values.lab);
  const paths = reportPaths(positionals[0]!);
  await checkWritable(paths);
  await checkLab(lab);
  const { report, html } = await labProgressReport(lab);
  if (report.progressWarning) console.error(yellow(report.progressWarning));
  const json = `${JSON.stringify(report, null, 2)}\n`;
  await writeFile(paths.html, html);
  await writeFile(paths.json, json);
  // With --json, stdout is the JSON alone (for a pipe); what was written goes to stderr.
  if (values.json) process.stdout.write(json);
  const say = values.json ? console.error : console.log;
  const t = report.totals;
  say(
    green(
      `progress report of lab "${lab}": ${t.finished} of ${t.scenarios} scenarios finished, ${t.inProgress} in progress, ${t.notStarted} not started`,
    ),
  );
  say(`  ${paths.html}`);
  say(`  ${paths.json}`);
  return 0;
};
