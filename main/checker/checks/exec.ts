// `exec`: a shell command on a node or in a pod exits with a status, and its output contains a
// text or matches an expression.
import type { ExecResult } from '../../lab/node-exec.ts';
import type { ExecCheck } from '../../scenarios/schema.ts';
import { ClusterProblemError, apiUnreachable, isUnreachable } from '../cluster-problem.ts';
import type { LabContext } from '../lab-io.ts';
import { execInPod, execOnNode } from '../lab-io.ts';
import type { Verdict } from '../result.ts';
import { matchesPattern, oneLine, shellQuote } from '../text.ts';
import type { Evaluation } from './evaluation.ts';
import { podProblem, withoutKubectlNoise } from './pod-target.ts';

/** The lines of `text` around the first match, to show what was found where it matters. */
export function excerpt(text: string, index: number, max = 300): string {
  if (index < 0 || text.length <= max) return oneLine(text, max);
  const start = text.lastIndexOf('\n', index) + 1;
  const end = text.indexOf('\n', index);
  return `… ${oneLine(text.slice(start, end === -1 ? undefined : end), max)} …`;
}

export function judgeExec(check: ExecCheck, result: ExecResult): Verdict {
  const parts = [`exit status ${check.exitCode}`];
  if (check.stdoutContains !== undefined) parts.push(`output containing "${check.stdoutContains}"`);
  if (check.stdoutMatches !== undefined) parts.push(`output matching /${check.stdoutMatches}/`);
  const out = result.stdout;
  const containsAt = check.stdoutContains === undefined ? -1 : out.indexOf(check.stdoutContains);
  const passed =
    result.exitCode === check.exitCode &&
    (check.stdoutContains === undefined || containsAt !== -1) &&
    (check.stdoutMatches === undefined || matchesPattern(out, check.stdoutMatches));
  let found = `exit status ${result.exitCode}`;
  found += out.trim() ? `, output: ${excerpt(out, containsAt)}` : ', no output';
  const errors = withoutKubectlNoise(result.stderr).trim();
  if (result.exitCode !== check.exitCode && errors) found += `, errors: ${oneLine(errors, 200)}`;
  return { passed, expected: parts.join(', '), found };
}

/** A command as typed after `kubectl exec POD --`: bare words when it needs no shell. */
export function podCommandLine(command: string): string {
  const trimmed = command.trim();
  return /^[\w@%+=:,./ -]+$/.test(trimmed) ? trimmed : `sh -c ${shellQuote(trimmed)}`;
}

export function kubectlExecPrefix(target: {
  pod: string;
  container?: string;
  namespace?: string;
}): string {
  let prefix = `kubectl exec ${target.pod}`;
  if (target.container) prefix += ` -c ${target.container}`;
  if (target.namespace && target.namespace !== 'default') prefix += ` -n ${target.namespace}`;
  return `${prefix} --`;
}

export function execCommand(check: ExecCheck): { command: string; runIn: string | null } {
  if ('node' in check.in) return { command: check.command.trim(), runIn: check.in.node };
  return {
    command: `${kubectlExecPrefix(check.in)} ${podCommandLine(check.command)}`,
    runIn: null,
  };
}

export function describeExec(check: ExecCheck): string {
  const where = 'node' in check.in ? `on ${check.in.node}` : `in pod ${check.in.pod}`;
  return `\`${oneLine(check.command, 80)}\` ${where} gives the expected result.`;
}

export async function evaluateExec(ctx: LabContext, check: ExecCheck): Promise<Evaluation> {
  const { command, runIn } = execCommand(check);
  let result: ExecResult;
  if ('node' in check.in) {
    result = await execOnNode(ctx, check.in.node, check.command);
    // kubectl in the command could not reach the API server: the lab's problem, not an answer.
    if (result.exitCode !== check.exitCode && isUnreachable(result.stderr)) {
      throw new ClusterProblemError(apiUnreachable(ctx.lab, result.stderr));
    }
  } else {
    const problem = await podProblem(ctx, check.in);
    if (problem) {
      return {
        ...judgeExec(check, { exitCode: -1, stdout: '', stderr: '' }),
        found: problem,
        passed: false,
        command,
        runIn,
      };
    }
    result = await execInPod(ctx, check.in, ['sh', '-c', check.command]);
  }
  return { ...judgeExec(check, result), command, runIn };
}
