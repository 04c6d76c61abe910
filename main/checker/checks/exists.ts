// `exists`: an object exists, or (absent: true) does not.
import type { ExistsCheck } from '../../scenarios/schema.ts';
import { namespaceFlag, resourceName } from '../kinds.ts';
import type { LabContext } from '../lab-io.ts';
import { getObject } from '../lab-io.ts';
import type { Verdict } from '../result.ts';
import type { Evaluation } from './evaluation.ts';
import { inNamespace, isTerminating } from './evaluation.ts';

export type ExistsObservation = 'missing' | 'present' | 'terminating';

export function judgeExists(check: ExistsCheck, seen: ExistsObservation): Verdict {
  const what = `${check.kind} ${check.name}${inNamespace(check.namespace)}`;
  const found =
    seen === 'missing'
      ? `${what} does not exist`
      : seen === 'terminating'
        ? `${what} is still terminating`
        : `${what} exists`;
  if (check.absent) {
    return { passed: seen === 'missing', expected: `${what} does not exist`, found };
  }
  return { passed: seen === 'present', expected: `${what} exists`, found };
}

export function existsCommand(check: ExistsCheck): string {
  return `kubectl get ${resourceName(check.kind)} ${check.name}${namespaceFlag(check.kind, check.namespace)}`;
}

export function describeExists(check: ExistsCheck): string {
  const what = `${check.kind} ${check.name}${inNamespace(check.namespace)}`;
  return check.absent ? `${what} is gone.` : `${what} exists.`;
}

export async function evaluateExists(ctx: LabContext, check: ExistsCheck): Promise<Evaluation> {
  const object = await getObject(ctx, check.kind, check.name, check.namespace);
  const seen: ExistsObservation = !object
    ? 'missing'
    : isTerminating(object)
      ? 'terminating'
      : 'present';
  return { ...judgeExists(check, seen), command: existsCommand(check), runIn: null };
}
