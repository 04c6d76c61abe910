// `field`: one field of one object equals a value, matches an expression, is one of some values,
// or is present (or not).
import type { FieldPathSegment } from '../../scenarios/field-path.ts';
import { parseFieldPath, readFieldPath } from '../../scenarios/field-path.ts';
import type { FieldCheck } from '../../scenarios/schema.ts';
import { namespaceFlag, resourceName } from '../kinds.ts';
import type { LabContext } from '../lab-io.ts';
import { getObject } from '../lab-io.ts';
import type { Verdict } from '../result.ts';
import { asText, isMissing, matchesPattern, searchPattern, shellQuote } from '../text.ts';
import { excerpt } from './exec.ts';
import type { Evaluation } from './evaluation.ts';
import { inNamespace } from './evaluation.ts';

/** The path in kubectl's jsonpath syntax: `.data["nginx.conf"]` → `{.data.nginx\.conf}`. */
export function toJsonPath(segments: readonly FieldPathSegment[]): string {
  const parts = segments.map((segment) =>
    typeof segment === 'number' ? `[${segment}]` : `.${segment.replace(/\./g, '\\.')}`,
  );
  return `{${parts.join('')}}`;
}

function isScalar(value: unknown): boolean {
  return ['string', 'number', 'boolean'].includes(typeof value);
}

/** `value` is the field (undefined when missing); `object` says whether the object exists. */
export function judgeField(check: FieldCheck, object: boolean, value: unknown): Verdict {
  const what = `${check.kind} ${check.name}${inNamespace(check.namespace)}`;
  const expected =
    check.equals !== undefined
      ? asText(check.equals)
      : check.oneOf !== undefined
        ? `one of ${check.oneOf.map(asText).join(', ')}`
        : check.matches !== undefined
          ? `text matching /${check.matches}/`
          : check.present
            ? `${check.path} is set`
            : `${check.path} is not set`;
  if (!object) return { passed: false, expected, found: `${what} does not exist` };
  const missing = isMissing(value);
  const text = asText(value);
  // A long text that matches is shown around the match, where it matters.
  const at = check.matches !== undefined && !missing ? searchPattern(text, check.matches) : -1;
  const found = missing ? `${check.path} is not set` : excerpt(text, at) || '""';
  let passed: boolean;
  if (check.present !== undefined) passed = check.present ? !missing : missing;
  else if (missing) passed = false;
  else if (check.matches !== undefined) passed = matchesPattern(asText(value), check.matches);
  else if (!isScalar(value)) passed = false;
  else if (check.equals !== undefined) passed = asText(value) === asText(check.equals);
  else passed = (check.oneOf ?? []).some((candidate) => asText(candidate) === asText(value));
  return { passed, expected, found };
}

export function fieldCommand(check: FieldCheck): string {
  const segments = parseFieldPath(check.path) ?? [];
  return `kubectl get ${resourceName(check.kind)} ${check.name}${namespaceFlag(check.kind, check.namespace)} -o jsonpath=${shellQuote(toJsonPath(segments))}`;
}

export function describeField(check: FieldCheck): string {
  const what = `${check.kind} ${check.name}`;
  if (check.present !== undefined) {
    return `${what}: ${check.path} is ${check.present ? 'set' : 'not set'}.`;
  }
  return `${what}: ${check.path} is as expected.`;
}

export async function evaluateField(ctx: LabContext, check: FieldCheck): Promise<Evaluation> {
  const object = await getObject(ctx, check.kind, check.name, check.namespace);
  const value = object ? readFieldPath(object, parseFieldPath(check.path) ?? []) : undefined;
  return {
    ...judgeField(check, object !== null, value),
    command: fieldCommand(check),
    runIn: null,
  };
}
