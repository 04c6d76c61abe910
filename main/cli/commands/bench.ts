// `kubelab bench`: measures what a learner feels (starts, reset, check, terminal, memory, images)
// and compares each figure with its target. Targets are reported, not enforced: the exit status
// is 1 only when a figure could not be measured.
import type { VerbRun } from '../command.ts';
import { LabError } from '../../api/errors.ts';
import { requireEngine } from '../../engine/docker.ts';
import { parseOnly } from '../../bench/figures.ts';
import { erroredFigures } from '../../bench/report.ts';
import { defaultReportPath, writeReportFile } from '../../bench/report-file.ts';
import { benchLabs, checkRuns, runBench } from '../../bench/runner.ts';
import { formatReport } from '../../bench/table.ts';
import { dim, red } from '../output.ts';
import { UsageError, asUsageError } from '../usage-error.ts';
import type { benchFlags } from '../verbs/bench.ts';

function parseRuns(text: string): number {
  try {
    return checkRuns(Number(text));
  } catch {
    throw new UsageError(
      `--runs must be a whole number from 1 to 20, not "${text}" (1 proves the bench works; 3, the default, or more gives a real median)`,
    );
  }
}

function parseFigures(text: string | undefined): ReturnType<typeof parseOnly> {
  try {
    return parseOnly(text);
  } catch (error) {
    // parseOnly's BAD_ARGUMENT names the unknown figures and the known ones.
    if (error instanceof LabError && error.code === 'BAD_ARGUMENT')
      throw new UsageError(`${error.message}${error.fix ? ` ${error.fix}` : ''}`);
    throw error;
  }
}

export const run: VerbRun<typeof benchFlags> = async ({ values }) => {
  const runs = parseRuns(values.runs);
  const only = parseFigures(values.only);
  const prefix = values['lab-prefix'];
  try {
    benchLabs(prefix);
  } catch (error) {
    throw asUsageError(
      new Error(
        `${(error as Error).message} (up to 26 lowercase letters, digits and dashes; the bench adds -cold1 and -cold3)`,
      ),
      '--lab-prefix',
    );
  }
  const client = await requireEngine();
  const controller = new AbortController();
  const labs = benchLabs(prefix);
  const onSigint = (): void => {
    if (controller.signal.aborted) {
      console.error(
        red(
          `stopped without cleaning up; remove the bench labs with: kubelab down --lab ${labs.main} --purge --data --yes (likewise ${labs.cold1}, ${labs.cold3})`,
        ),
      );
      process.exit(130);
    }
    console.error('cancelling: the bench removes its labs, then stops (Ctrl-C again to quit now)');
    controller.abort();
  };
  process.on('SIGINT', onSigint);
  const started = Date.now();
  // Progress goes to stderr so that --json leaves stdout to the report.
  const log = (line: string): void =>
    console.error(`${dim(`${((Date.now() - started) / 1000).toFixed(0).padStart(5)}s`)} ${line}`);
  try {
    const report = await runBench(client, {
      runs,
      only,
      labPrefix: prefix,
      ...(values['build-log'].length ? { buildLogs: values['build-log'] } : {}),
      signal: controller.signal,
      log,
    });
    const path = await writeReportFile(report, values.out ?? defaultReportPath());
    if (values.json) console.log(JSON.stringify(report, null, 2));
    else console.log(`\n${formatReport(report)}\n\nreport: ${path}`);
    if (values.json) console.error(`report: ${path}`);
    const errored = erroredFigures(report);
    if (controller.signal.aborted) return 130;
    if (errored.length) {
      console.error(red(`not measured because of errors: ${errored.join(', ')}`));
      return 1;
    }
    return 0;
  } finally {
    process.off('SIGINT', onSigint);
  }
};
