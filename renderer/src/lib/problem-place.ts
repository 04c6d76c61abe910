// Where a scenario problem is, as an editor's "go to" wants it: `demo/scenario.yaml:12:5`.
import type { ScenarioProblem } from '../../../main/api/schemas/scenario-problem.ts';

export function problemPlace(problem: ScenarioProblem): string {
  return [problem.file, problem.line, problem.column].filter((p) => p !== undefined).join(':');
}
