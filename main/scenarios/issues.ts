// zod's validation issues, turned into problems a scenario author can act on: the field path,
// the line, and a sentence (not zod's internal vocabulary).
import type { z } from 'zod';
import { CHECK_TYPES } from './schema.ts';
import type { ScenarioProblem } from './problems.ts';
import { formatPath } from './problems.ts';
import type { YamlSource } from './yaml-source.ts';

type Issue = z.core.$ZodIssue;
type Path = PropertyKey[];

function valueAt(data: unknown, path: readonly PropertyKey[]): unknown {
  let current = data;
  for (const segment of path) {
    if (current === null || typeof current !== 'object') return undefined;
    current = (current as Record<PropertyKey, unknown>)[segment];
  }
  return current;
}

function describe(value: unknown): string {
  if (value === undefined) return 'nothing';
  if (value === null) return 'null';
  if (Array.isArray(value)) return 'a list';
  if (typeof value === 'object') return 'a mapping';
  return JSON.stringify(value);
}

/** For a union that failed, the issues of the branch that came closest, if one clearly did. */
function closestBranch(issue: Issue & { code: 'invalid_union' }): Issue[] | undefined {
  const branches = issue.errors.filter((branch) => branch.length > 0);
  if (branches.length === 0) return undefined;
  const fewest = Math.min(...branches.map((branch) => branch.length));
  const best = branches.filter((branch) => branch.length === fewest);
  const rootTypeError = best[0]?.some((i) => i.code === 'invalid_type' && i.path.length === 0);
  return best.length === 1 && !rootTypeError ? best[0] : undefined;
}

function sentences(issue: Issue, path: Path, data: unknown): { path: Path; message: string }[] {
  const value = valueAt(data, path);
  switch (issue.code) {
    case 'unrecognized_keys':
      return issue.keys.map((key) => ({ path: [...path, key], message: 'unknown field' }));
    case 'invalid_union': {
      if (issue.discriminator !== undefined && issue.errors.length === 0) {
        const known = 'options' in issue && issue.options ? issue.options : CHECK_TYPES;
        const options = known.map(String).join(', ');
        return [
          {
            path,
            message:
              value === undefined
                ? `missing "type" (one of: ${options})`
                : `unknown check type ${describe(value)} (expected one of: ${options})`,
          },
        ];
      }
      const branch = closestBranch(issue);
      if (branch)
        return branch.flatMap((inner) => sentences(inner, [...path, ...inner.path], data));
      return [{ path, message: issue.message }];
    }
    case 'invalid_type':
      return [
        {
          path,
          message:
            value === undefined
              ? `missing (expected ${issue.expected})`
              : `expected ${issue.expected}, found ${describe(value)}`,
        },
      ];
    case 'invalid_value':
      return [
        {
          path,
          message: `${describe(value)} is not allowed (expected one of: ${issue.values.map((v) => String(v)).join(', ')})`,
        },
      ];
    default:
      return [{ path, message: issue.message }];
  }
}

/** Problems in `file` for zod's issues on the data parsed from `source`. */
export function problemsFromIssues(
  issues: readonly Issue[],
  source: YamlSource,
  file: string,
): ScenarioProblem[] {
  const problems: ScenarioProblem[] = [];
  for (const issue of issues) {
    for (const { path, message } of sentences(issue, issue.path, source.data)) {
      const problem: ScenarioProblem = { severity: 'error', file, message };
      if (path.length > 0) problem.path = formatPath(path);
      const position = source.locate(path);
      if (position) Object.assign(problem, position);
      problems.push(problem);
    }
  }
  return problems;
}
