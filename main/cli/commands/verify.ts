// `kubelab verify [SCENARIO…]`: the scenarios' self-test on a real lab (default lab "verify"):
// each step must fail before its solution, the solution must work, and the step must pass
// after. Prints per scenario and step the result and the seconds taken.
import type { VerbRun } from '../command.ts';
import { requireEngine } from '../../engine/docker.ts';
import type { VerifyReport } from '../../checker/verify.ts';
import { verifyScenario } from '../../checker/verify.ts';
import type { LoadedScenario } from '../../scenarios/load.ts';
import { loadAllScenarios } from '../../scenarios/load.ts';
import { formatProblem } from '../../scenarios/problems.ts';
import { bold, dim, green, red } from '../output.ts';
import type { verifyFlags } from '../verbs/verify.ts';
import { resetScenarioProgress } from '../../learner/progress.ts';
import { formatCheckResult } from './check-output.ts';
import { labName } from './lab-args.ts';
import { scenarioById, scenariosRoot } from './scenario-args.ts';

function printReport(report: VerifyReport): void {
  const mark = report.passed ? green('PASS') : red('FAIL');
  console.log(
    `${mark} ${bold(report.scenario)}  ${report.seconds.toFixed(0)} s (setup ${report.setupSeconds.toFixed(0)} s)`,
  );
  if (report.error) console.log(red(`  ${report.error}`));
  for (const step of report.steps) {
    if (!step.ran) {
      console.log(dim(`  - ${step.id} (not run)`));
      continue;
    }
    const seconds = `${step.seconds.toFixed(1)} s`.padStart(8);
    console.log(
      `  ${step.passed ? green('✓') : red('✗')} ${step.id.padEnd(28)}${seconds}${dim(`  solve ${step.solveSeconds.toFixed(1)} s`)}`,
    );
    for (const failure of step.failures) {
      console.log(red(`      ${failure.phase}: ${failure.message.split('\n').join('\n      ')}`));
      const shown =
        failure.phase === 'before' ? failure.results : failure.results.filter((r) => !r.passed);
      for (const result of shown) console.log(formatCheckResult(result).replace(/^/gm, '    '));
    }
  }
}

export const run: VerbRun<typeof verifyFlags> = async ({ values, positionals }) => {
  const lab = labName(values.lab);
  const root = await scenariosRoot(values['scenarios-dir']);
  const log = values.json
    ? (line: string): void => console.error(line)
    : (line: string): void => console.log(line);
  let scenarios: LoadedScenario[];
  const loadFailures: { scenario: string; problems: string[] }[] = [];
  if (positionals.length) {
    scenarios = [];
    for (const id of positionals) scenarios.push(await scenarioById(id, root));
  } else {
    const catalog = await loadAllScenarios(root);
    // Grouped by node count (stable), so the lab changes size as rarely as possible.
    scenarios = [...catalog.scenarios].sort((a, b) => b.scenario.nodes - a.scenario.nodes);
    for (const failure of catalog.failures) {
      loadFailures.push({ scenario: failure.id, problems: failure.problems.map(formatProblem) });
    }
  }
  const client = await requireEngine();
  const controller = new AbortController();
  process.once('SIGINT', () => controller.abort());
  const reports: VerifyReport[] = [];
  const started = Date.now();
  for (const loaded of scenarios) {
    const scenarioStarted = Date.now();
    const stamp = (): string =>
      dim(`${((Date.now() - scenarioStarted) / 1000).toFixed(0).padStart(4)}s`);
    log(
      bold(
        `verify ${loaded.id} (${loaded.scenario.nodes} node(s), ${loaded.scenario.steps.length} steps) on lab ${lab}`,
      ),
    );
    const report = await verifyScenario(client, loaded, {
      lab,
      signal: controller.signal,
      // The lab starts over, so does any progress recorded on it for this scenario.
      afterReset: () => resetScenarioProgress(lab, loaded.id),
      onEvent: (event) => {
        if (event.type === 'setup') log(`${stamp()} ${event.message}`);
        else if (event.type === 'step')
          log(`${stamp()} ${event.index + 1}/${event.total} ${event.step}: ${event.phase}`);
      },
    });
    reports.push(report);
    if (!values.json) printReport(report);
    if (controller.signal.aborted) break;
  }
  const passed = loadFailures.length === 0 && reports.every((r) => r.passed);
  if (values.json) {
    console.log(
      JSON.stringify(
        { lab, passed, seconds: (Date.now() - started) / 1000, reports, loadFailures },
        null,
        2,
      ),
    );
  } else {
    for (const failure of loadFailures) {
      console.log(red(`FAIL ${failure.scenario}: does not load`));
      for (const problem of failure.problems) console.log(`  ${problem}`);
    }
    console.log(bold('summary'));
    for (const report of reports) {
      const ok = report.steps.filter((s) => s.passed).length;
      console.log(
        `  ${report.passed ? green('PASS') : red('FAIL')} ${report.scenario.padEnd(17)} ${`${report.seconds.toFixed(0)} s`.padStart(6)}  ${ok}/${report.steps.length} steps`,
      );
    }
    console.log(
      `${passed ? green('all scenarios pass') : red('some scenarios fail')} (${((Date.now() - started) / 1000).toFixed(0)} s)`,
    );
  }
  return passed ? 0 : 1;
};
