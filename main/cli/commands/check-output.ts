// How the scenario verbs print check results: ✓/✗ per condition with expected, found, hint and
// the command to see it yourself.
import type { CheckResult, StepCheckResult } from '../../checker/result.ts';
import { bold, dim, green, red, yellow } from '../output.ts';

function indent(text: string, prefix: string): string {
  return text
    .split('\n')
    .map((line, i) => (i === 0 ? line : `${prefix}${line}`))
    .join('\n');
}

export function formatCheckResult(result: CheckResult): string {
  const pad = '      ';
  const lines = [`  ${result.passed ? green('✓') : red('✗')} ${result.description}`];
  const field = (name: string, value: string): void => {
    lines.push(`${pad}${dim(name.padEnd(9))} ${indent(value, `${pad}          `)}`);
  };
  field('expected', result.expected);
  field('found', result.found);
  if (!result.passed && result.hint) field('hint', result.hint);
  if (result.command) {
    field(
      'command',
      result.runIn ? `${result.command}   ${dim(`(on ${result.runIn})`)}` : result.command,
    );
  }
  return lines.join('\n');
}

export function formatStepResult(result: StepCheckResult, total: number): string {
  const head = `${bold(`${result.scenario} › ${result.step}`)} (${result.index + 1}/${total}): ${result.title}`;
  const lines = [head];
  if (result.clusterProblem) {
    lines.push(`  ${yellow('cluster problem:')} ${result.clusterProblem.message}`);
    lines.push(`  ${bold('fix:')} ${result.clusterProblem.fix}`);
    return lines.join('\n');
  }
  for (const check of result.results) lines.push(formatCheckResult(check));
  const passed = result.results.filter((r) => r.passed).length;
  lines.push(
    result.passed
      ? green(`  step passed (${passed}/${result.results.length} checks)`)
      : red(
          `  ${result.results.length - passed} of ${result.results.length} checks not passed yet`,
        ),
  );
  return lines.join('\n');
}
