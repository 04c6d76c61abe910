// `ready`: an object (or every object matching a selector, at least one) has converged.
import type { ReadyCheck } from '../../scenarios/schema.ts';
import { namespaceFlag, resourceName, resourcePlural } from '../kinds.ts';
import type { KubeObject, LabContext } from '../lab-io.ts';
import { getObject, listObjects } from '../lab-io.ts';
import type { Verdict } from '../result.ts';
import { shellQuote } from '../text.ts';
import type { Evaluation } from './evaluation.ts';
import { inNamespace, objectName } from './evaluation.ts';
import { readiness, readyMeaning } from './readiness.ts';
import { whyNotReady } from './why-not-ready.ts';

/** `objects` is what exists: the named object (or nothing), or every match of the selector. */
export function judgeReady(check: ReadyCheck, objects: readonly KubeObject[]): Verdict {
  const meaning = readyMeaning(check.kind);
  if (check.name !== undefined) {
    const what = `${check.kind} ${check.name}${inNamespace(check.namespace)}`;
    const object = objects[0];
    if (!object) return { passed: false, expected: meaning, found: `${what} does not exist` };
    const { ready, state } = readiness(check.kind, object);
    return { passed: ready, expected: meaning, found: state };
  }
  const expected = `every ${check.kind} matching ${check.selector} ${meaning}`;
  if (objects.length === 0) {
    return { passed: false, expected, found: `no ${check.kind} matches ${check.selector}` };
  }
  const states = objects.map((object) => ({
    name: objectName(object),
    ...readiness(check.kind, object),
  }));
  const waiting = states.filter((s) => !s.ready);
  const found = waiting.length
    ? `${states.length - waiting.length}/${states.length} ready; ${waiting.map((s) => `${s.name}: ${s.state}`).join('; ')}`
    : `${states.length}/${states.length} ready`;
  return { passed: waiting.length === 0, expected, found };
}

export function readyCommand(check: ReadyCheck): string {
  const ns = namespaceFlag(check.kind, check.namespace);
  return check.name !== undefined
    ? `kubectl get ${resourceName(check.kind)} ${check.name}${ns}`
    : `kubectl get ${resourcePlural(check.kind)}${ns} -l ${shellQuote(check.selector ?? '')}`;
}

export function describeReady(check: ReadyCheck): string {
  const subject =
    check.name !== undefined
      ? `${check.kind} ${check.name}`
      : `Every ${check.kind} matching ${check.selector}`;
  return `${subject} is ${readyMeaning(check.kind)}.`;
}

export async function evaluateReady(ctx: LabContext, check: ReadyCheck): Promise<Evaluation> {
  let objects: KubeObject[];
  if (check.name !== undefined) {
    const object = await getObject(ctx, check.kind, check.name, check.namespace);
    objects = object ? [object] : [];
  } else {
    const options: { namespace?: string; selector?: string } = { selector: check.selector ?? '' };
    if (check.namespace) options.namespace = check.namespace;
    objects = await listObjects(ctx, check.kind, options);
  }
  const verdict = judgeReady(check, objects);
  if (!verdict.passed) {
    // The lead is extra: a read that fails leaves the verdict as it was.
    const why = await whyNotReady(ctx, check.kind, objects).catch(() => '');
    if (why) verdict.found += ` — ${why}`;
  }
  return { ...verdict, command: readyCommand(check), runIn: null };
}
