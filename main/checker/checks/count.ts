// `count`: how many objects of a kind match the label and field selectors.
import type { CountCheck } from '../../scenarios/schema.ts';
import { namespaceFlag, resourcePlural } from '../kinds.ts';
import type { KubeObject, LabContext } from '../lab-io.ts';
import { listObjects } from '../lab-io.ts';
import type { Verdict } from '../result.ts';
import { shellQuote } from '../text.ts';
import type { Evaluation } from './evaluation.ts';
import { isTerminating, objectName } from './evaluation.ts';

function matching(check: CountCheck): string {
  const parts = [check.selector, check.fieldSelector].filter(Boolean);
  return parts.length ? ` matching ${parts.join(', ')}` : '';
}

export function judgeCount(check: CountCheck, objects: readonly KubeObject[]): Verdict {
  const count = objects.length;
  const kinds = resourcePlural(check.kind);
  const expected =
    check.equals !== undefined
      ? `${check.equals} ${kinds}${matching(check)}`
      : `at least ${check.atLeast ?? 0} ${kinds}${matching(check)}`;
  const passed =
    check.equals !== undefined ? count === check.equals : count >= (check.atLeast ?? 0);
  const terminating = objects.filter(isTerminating).map(objectName);
  const names = objects.map(objectName);
  let found = `${count} ${kinds}`;
  if (count > 0 && count <= 8) found += `: ${names.join(', ')}`;
  if (terminating.length) found += ` (terminating: ${terminating.join(', ')})`;
  return { passed, expected, found };
}

export function countCommand(check: CountCheck): string {
  let command = `kubectl get ${resourcePlural(check.kind)}${namespaceFlag(check.kind, check.namespace)}`;
  if (check.selector) command += ` -l ${shellQuote(check.selector)}`;
  if (check.fieldSelector) command += ` --field-selector ${shellQuote(check.fieldSelector)}`;
  return command;
}

export function describeCount(check: CountCheck): string {
  const n = check.equals ?? check.atLeast ?? 0;
  return `${check.equals !== undefined ? 'Exactly' : 'At least'} ${n} ${resourcePlural(check.kind)}${matching(check)}.`;
}

export async function evaluateCount(ctx: LabContext, check: CountCheck): Promise<Evaluation> {
  const options: { namespace?: string; selector?: string; fieldSelector?: string } = {};
  if (check.namespace) options.namespace = check.namespace;
  if (check.selector) options.selector = check.selector;
  if (check.fieldSelector) options.fieldSelector = check.fieldSelector;
  const objects = await listObjects(ctx, check.kind, options);
  return { ...judgeCount(check, objects), command: countCommand(check), runIn: null };
}
