// What is wrong with a scenario, precisely enough to fix it: file, field path, line and column.

export type { ScenarioProblem } from '../api/schemas/scenario-problem.ts';
import type { ScenarioProblem } from '../api/schemas/scenario-problem.ts';

/** `steps[2].checks[0].type` from ['steps', 2, 'checks', 0, 'type']. */
export function formatPath(path: readonly PropertyKey[]): string {
  let text = '';
  for (const segment of path) {
    if (typeof segment === 'number') text += `[${segment}]`;
    else text += text === '' ? String(segment) : `.${String(segment)}`;
  }
  return text;
}

/** `file:line:column: path: message`, like a compiler. */
export function formatProblem(problem: ScenarioProblem): string {
  const place = [problem.file, problem.line, problem.column].filter((p) => p !== undefined);
  const field = problem.path ? `${problem.path}: ` : '';
  const tag = problem.severity === 'warning' ? 'warning: ' : '';
  return `${place.join(':')}: ${tag}${field}${problem.message}`;
}

export function hasErrors(problems: readonly ScenarioProblem[]): boolean {
  return problems.some((problem) => problem.severity === 'error');
}
