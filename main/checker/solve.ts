// "Show me": a step's solve actions, in order — shell commands as the learner's terminal would
// run them (`bash -lc` in /home/learner, control-plane unless the action names a node), and
// waits that poll a check until it passes.
import type { LoadedScenario } from '../scenarios/load.ts';
import type { SolveAction, Step } from '../scenarios/schema.ts';
import { RUN_TIMEOUT_MS, actionLabel, waitSeconds } from './actions.ts';
import type { LabContext } from './lab-io.ts';
import { bashOnNode } from './lab-io.ts';
import { runCheck } from './run-check.ts';
import { prepareStep } from './prepare.ts';
import { oneLine } from './text.ts';
import { cancelled } from '../api/errors.ts';

export interface SolveActionReport {
  /** The command, or `wait: DESCRIPTION`. */
  action: string;
  node: string | null;
  seconds: number;
  output: string;
}

export interface SolveReport {
  step: string;
  actions: SolveActionReport[];
  seconds: number;
}

export class SolveError extends Error {
  readonly step: string;
  readonly action: string;
  readonly output: string;
  readonly report: SolveReport;

  constructor(step: string, action: string, message: string, output: string, report: SolveReport) {
    super(message);
    this.name = 'SolveError';
    this.step = step;
    this.action = action;
    this.output = output;
    this.report = report;
  }
}

export interface SolveOptions {
  onAction?: (action: SolveAction, index: number) => void;
  /** Restore the step's files even if the learner changed them (verify does). */
  overwriteFiles?: boolean;
  signal?: AbortSignal;
}

export async function solveStep(
  ctx: LabContext,
  loaded: LoadedScenario,
  step: Step,
  options: SolveOptions = {},
): Promise<SolveReport> {
  const started = Date.now();
  const report: SolveReport = { step: step.id, actions: [], seconds: 0 };
  await prepareStep(ctx, loaded, loaded.scenario.steps.indexOf(step), {
    overwriteFiles: options.overwriteFiles ?? false,
    ...(options.signal ? { signal: options.signal } : {}),
  });
  for (const [index, action] of step.solve.entries()) {
    if (options.signal?.aborted) throw cancelled();
    options.onAction?.(action, index);
    const actionStarted = Date.now();
    const label = actionLabel(action);
    if ('run' in action) {
      const node = action.node ?? 'control-plane';
      const result = await bashOnNode(ctx, node, action.run, RUN_TIMEOUT_MS);
      const output = `${result.stdout}${result.stderr}`;
      report.actions.push({
        action: label,
        node,
        seconds: (Date.now() - actionStarted) / 1000,
        output,
      });
      if (result.exitCode !== 0) {
        report.seconds = (Date.now() - started) / 1000;
        const tail = output.trim().split('\n').slice(-12).join('\n');
        throw new SolveError(
          step.id,
          label,
          `\`${oneLine(label, 160)}\` on ${node} failed with exit status ${result.exitCode}${tail ? `:\n${tail}` : ''}`,
          output,
          report,
        );
      }
    } else {
      const seconds = waitSeconds(action);
      const result = await runCheck(ctx, action.wait, {
        timeoutMs: seconds * 1000,
        ...(options.signal ? { signal: options.signal } : {}),
      });
      report.actions.push({
        action: label,
        node: null,
        seconds: (Date.now() - actionStarted) / 1000,
        output: result.found,
      });
      if (!result.passed) {
        report.seconds = (Date.now() - started) / 1000;
        throw new SolveError(
          step.id,
          label,
          `Waited ${seconds} s for: ${result.description}\n  expected: ${result.expected}\n  found:    ${result.found}`,
          result.found,
          report,
        );
      }
    }
  }
  report.seconds = (Date.now() - started) / 1000;
  return report;
}
