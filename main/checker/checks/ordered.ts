// `ordered`: pods started one after another, each only after the previous one was Ready (what a
// StatefulSet's OrderedReady policy promises).
import type { OrderedCheck } from '../../scenarios/schema.ts';
import { namespaceFlag } from '../kinds.ts';
import type { KubeObject, LabContext } from '../lab-io.ts';
import { listObjects } from '../lab-io.ts';
import type { Verdict } from '../result.ts';
import { shellQuote } from '../text.ts';
import type { Evaluation } from './evaluation.ts';
import { objectName } from './evaluation.ts';

interface PodTimes {
  created: string | undefined;
  /** When the pod last became Ready, if it is Ready now. */
  readySince: string | undefined;
}

function times(pod: KubeObject): PodTimes {
  const metadata = pod.metadata as { creationTimestamp?: string } | undefined;
  const status = pod.status as
    { conditions?: { type?: string; status?: string; lastTransitionTime?: string }[] } | undefined;
  const ready = status?.conditions?.find((c) => c.type === 'Ready' && c.status === 'True');
  return { created: metadata?.creationTimestamp, readySince: ready?.lastTransitionTime };
}

const clock = (timestamp: string): string => timestamp.replace(/^.*T/, '').replace(/Z$/, '');

export function judgeOrdered(check: OrderedCheck, pods: readonly KubeObject[]): Verdict {
  const expected = `${check.names.join(', ')} created in this order, each after the previous one was Ready`;
  const byName = new Map(pods.map((pod) => [objectName(pod), times(pod)]));
  const missing = check.names.filter((name) => !byName.has(name));
  if (missing.length) {
    return {
      passed: false,
      expected,
      found: `${missing.join(', ')} ${missing.length === 1 ? 'does' : 'do'} not exist (or lack the label ${check.selector})`,
    };
  }
  const story: string[] = [];
  for (let i = 1; i < check.names.length; i++) {
    const previous = check.names[i - 1]!;
    const current = check.names[i]!;
    const before = byName.get(previous)!;
    const after = byName.get(current)!;
    if (!before.readySince) {
      return { passed: false, expected, found: `${previous} is not Ready` };
    }
    if (!after.created)
      return { passed: false, expected, found: `${current} has no creation time` };
    if (Date.parse(after.created) < Date.parse(before.readySince)) {
      return {
        passed: false,
        expected,
        found: `${current} was created at ${clock(after.created)}, before ${previous} was Ready (${clock(before.readySince)})`,
      };
    }
    story.push(
      `${previous} Ready ${clock(before.readySince)} → ${current} created ${clock(after.created)}`,
    );
  }
  return { passed: true, expected, found: story.join('; ') };
}

export function orderedCommand(check: OrderedCheck): string {
  const columns =
    'custom-columns=NAME:.metadata.name,CREATED:.metadata.creationTimestamp,READY-SINCE:.status.conditions[?(@.type=="Ready")].lastTransitionTime';
  return `kubectl get pods${namespaceFlag('Pod', check.namespace)} -l ${shellQuote(check.selector)} -o ${shellQuote(columns)}`;
}

export function describeOrdered(check: OrderedCheck): string {
  return `${check.names.join(', ')} started one after another, each once the previous was Ready.`;
}

export async function evaluateOrdered(ctx: LabContext, check: OrderedCheck): Promise<Evaluation> {
  const options: { namespace?: string; selector: string } = { selector: check.selector };
  if (check.namespace) options.namespace = check.namespace;
  const pods = await listObjects(ctx, 'Pod', options);
  return { ...judgeOrdered(check, pods), command: orderedCommand(check), runIn: null };
}
