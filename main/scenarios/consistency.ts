// Rules that span several fields of a scenario.yaml: unique step ids, nodes that exist in a
// cluster of the declared size, one source per copied file name.
import type { NodeName } from './nodes.ts';
import { clusterNodes, isNodeName } from './nodes.ts';
import type { Check, Scenario, Step } from './schema.ts';
import { scanTemplates } from './templates.ts';

export interface CrossReferenceIssue {
  path: (string | number)[];
  message: string;
}

type Path = (string | number)[];

/** Every check of a step with its path: the step's checks, then the checks its solve waits on. */
export function stepChecks(step: Step): { check: Check; path: Path }[] {
  const found = step.checks.map((check, i) => ({ check, path: ['checks', i] as Path }));
  step.solve.forEach((action, i) => {
    if ('wait' in action) found.push({ check: action.wait, path: ['solve', i, 'wait'] });
  });
  return found;
}

/** The node a check names directly, with the path of that field. */
function namedNode(check: Check): { node: NodeName; path: Path } | undefined {
  if (check.type === 'file') return { node: check.node, path: ['node'] };
  if (check.type === 'exec' && 'node' in check.in) return { node: check.in.node, path: ['in', 'node'] };
  if (check.type === 'http' && 'node' in check.from) {
    return { node: check.from.node, path: ['from', 'node'] };
  }
  return undefined;
}

/** Every string inside a value, with its path. */
function strings(value: unknown, path: Path, out: { text: string; path: Path }[]): void {
  if (typeof value === 'string') out.push({ text: value, path });
  else if (Array.isArray(value)) value.forEach((item, i) => strings(item, [...path, i], out));
  else if (value !== null && typeof value === 'object') {
    for (const [key, item] of Object.entries(value)) strings(item, [...path, key], out);
  }
}

function nodeIssues(step: Step, base: Path, nodes: readonly NodeName[]): CrossReferenceIssue[] {
  const issues: CrossReferenceIssue[] = [];
  const outside = (node: string): string =>
    `node "${node}" is not in this ${nodes.length}-node scenario (nodes: ${nodes.join(', ')})`;
  for (const { check, path } of stepChecks(step)) {
    const named = namedNode(check);
    if (named && !nodes.includes(named.node)) {
      issues.push({ path: [...base, ...path, ...named.path], message: outside(named.node) });
    }
    const texts: { text: string; path: Path }[] = [];
    strings(check, [...base, ...path], texts);
    for (const { text, path: at } of texts) {
      for (const ref of scanTemplates(text).refs) {
        if (ref.source !== 'node') continue;
        if (!isNodeName(ref.name)) {
          issues.push({ path: at, message: `${ref.raw}: there is no node "${ref.name}"` });
        } else if (!nodes.includes(ref.name)) {
          issues.push({ path: at, message: `${ref.raw}: ${outside(ref.name)}` });
        }
      }
    }
  }
  step.solve.forEach((action, i) => {
    if ('run' in action && action.node !== undefined && !nodes.includes(action.node)) {
      issues.push({ path: [...base, 'solve', i, 'node'], message: outside(action.node) });
    }
  });
  return issues;
}

export function crossReferenceIssues(scenario: Scenario): CrossReferenceIssue[] {
  const issues: CrossReferenceIssue[] = [];
  const nodes = clusterNodes(scenario.nodes);
  const firstStep = new Map<string, number>();
  const sourceOf = new Map<string, string>();
  scenario.steps.forEach((step, i) => {
    const seen = firstStep.get(step.id);
    if (seen === undefined) firstStep.set(step.id, i);
    else {
      issues.push({
        path: ['steps', i, 'id'],
        message: `duplicate step id "${step.id}" (also steps[${seen}])`,
      });
    }
    issues.push(...nodeIssues(step, ['steps', i], nodes));
    step.files.forEach((file, j) => {
      const name = file.split('/').pop() ?? file;
      const other = sourceOf.get(name);
      if (other === undefined) sourceOf.set(name, file);
      else if (other !== file) {
        issues.push({
          path: ['steps', i, 'files', j],
          message: `"${file}" and "${other}" would both be copied to /home/learner/${name}`,
        });
      }
    });
  });
  return issues;
}
