// Rules that span several fields of a scenario.yaml: unique step ids, nodes that exist in a
// cluster of the declared size, one source per placed file.
import type { NodeName } from './nodes.ts';
import { clusterNodes, isNodeName } from './nodes.ts';
import type { Placement } from './placement.ts';
import { placementOf, samePlace } from './placement.ts';
import type { Check, Scenario, SetupAction, SolveAction, Step, StepFile } from './schema.ts';
import { scanTemplates } from './templates.ts';

export interface CrossReferenceIssue {
  path: (string | number)[];
  message: string;
}

type Path = (string | number)[];

/** The checks that actions wait on, with their paths. */
function waitedChecks(
  actions: readonly (SolveAction | SetupAction)[],
  key: string,
): { check: Check; path: Path }[] {
  const found: { check: Check; path: Path }[] = [];
  actions.forEach((action, i) => {
    if ('wait' in action) found.push({ check: action.wait, path: [key, i, 'wait'] });
  });
  return found;
}

/**
 * Every check of a step with its path: the step's checks, then the checks its solve and its
 * setup wait on.
 */
export function stepChecks(step: Step): { check: Check; path: Path }[] {
  return [
    ...step.checks.map((check, i) => ({ check, path: ['checks', i] as Path })),
    ...waitedChecks(step.solve, 'solve'),
    ...waitedChecks(step.setup, 'setup'),
  ];
}

/** The node a check names directly, with the path of that field. */
function namedNode(check: Check): { node: NodeName; path: Path } | undefined {
  if (check.type === 'file') return { node: check.node, path: ['node'] };
  if (check.type === 'exec' && 'node' in check.in)
    return { node: check.in.node, path: ['in', 'node'] };
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

/** What of a step (or of the scenario itself) can name a node. */
interface NodeUses {
  checks: { check: Check; path: Path }[];
  actions: { list: readonly (SolveAction | SetupAction)[]; key: string }[];
  files: readonly StepFile[];
}

function nodeIssues(uses: NodeUses, base: Path, nodes: readonly NodeName[]): CrossReferenceIssue[] {
  const issues: CrossReferenceIssue[] = [];
  const outside = (node: string): string =>
    `node "${node}" is not in this ${nodes.length}-node scenario (nodes: ${nodes.join(', ')})`;
  for (const { check, path } of uses.checks) {
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
  for (const { list, key } of uses.actions) {
    list.forEach((action, i) => {
      if ('run' in action && action.node !== undefined && !nodes.includes(action.node)) {
        issues.push({ path: [...base, key, i, 'node'], message: outside(action.node) });
      }
    });
  }
  uses.files.forEach((file, i) => {
    if (typeof file !== 'string' && file.node !== undefined && !nodes.includes(file.node)) {
      issues.push({ path: [...base, 'files', i, 'node'], message: outside(file.node) });
    }
  });
  return issues;
}

function stepUses(step: Step): NodeUses {
  return {
    checks: stepChecks(step),
    actions: [
      { list: step.solve, key: 'solve' },
      { list: step.setup, key: 'setup' },
    ],
    files: step.files,
  };
}

/** Two entries that would write different sources to the same file on some node. */
function placementIssues(scenario: Scenario): CrossReferenceIssue[] {
  const issues: CrossReferenceIssue[] = [];
  const seen: { placement: Placement; path: Path }[] = [];
  const visit = (files: readonly StepFile[], base: Path): void => {
    files.forEach((file, j) => {
      const placement = placementOf(file);
      const clash = seen.find(
        (other) =>
          other.placement.source !== placement.source && samePlace(other.placement, placement),
      );
      if (clash) {
        issues.push({
          path: [...base, 'files', j],
          message: `"${placement.source}" and "${clash.placement.source}" would both be written to ${placement.path}`,
        });
      } else seen.push({ placement, path: [...base, 'files', j] });
    });
  };
  visit(scenario.files, []);
  scenario.steps.forEach((step, i) => visit(step.files, ['steps', i]));
  return issues;
}

export function crossReferenceIssues(scenario: Scenario): CrossReferenceIssue[] {
  const issues: CrossReferenceIssue[] = [];
  const nodes = clusterNodes(scenario.nodes);
  const firstStep = new Map<string, number>();
  issues.push(
    ...nodeIssues(
      {
        checks: waitedChecks(scenario.setup, 'setup'),
        actions: [{ list: scenario.setup, key: 'setup' }],
        files: scenario.files,
      },
      [],
      nodes,
    ),
  );
  scenario.steps.forEach((step, i) => {
    const seen = firstStep.get(step.id);
    if (seen === undefined) firstStep.set(step.id, i);
    else {
      issues.push({
        path: ['steps', i, 'id'],
        message: `duplicate step id "${step.id}" (also steps[${seen}])`,
      });
    }
    issues.push(...nodeIssues(stepUses(step), ['steps', i], nodes));
  });
  issues.push(...placementIssues(scenario));
  return issues;
}
