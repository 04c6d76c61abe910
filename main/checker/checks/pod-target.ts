// Before a command runs in a pod: does the pod (and its container) exist and run? Otherwise the
// answer is that, not a confusing kubectl error.
import type { PodTarget } from '../../scenarios/schema.ts';
import type { KubeObject, LabContext } from '../lab-io.ts';
import { getObject } from '../lab-io.ts';
import { isTerminating } from './evaluation.ts';

interface PodShape {
  spec?: { containers?: { name?: string }[] };
  status?: {
    phase?: string;
    containerStatuses?: {
      name?: string;
      state?: {
        running?: unknown;
        waiting?: { reason?: string };
        terminated?: { reason?: string };
      };
    }[];
  };
}

/** Why a command cannot run in the target's container, or null when it can. Pure. */
export function podTargetProblem(target: PodTarget, pod: KubeObject | null): string | null {
  const subject = `pod ${target.pod}${target.namespace && target.namespace !== 'default' ? ` in namespace ${target.namespace}` : ''}`;
  if (!pod) return `${subject} does not exist`;
  if (isTerminating(pod)) return `${subject} is terminating`;
  const shape = pod as PodShape;
  const names = (shape.spec?.containers ?? []).map((c) => c.name ?? '');
  const container = target.container ?? names[0];
  if (target.container && !names.includes(target.container)) {
    return `${subject} has no container ${target.container} (it has ${names.join(', ')})`;
  }
  const phase = shape.status?.phase ?? 'Pending';
  if (phase !== 'Running') return `${subject} is ${phase}, not Running`;
  const status = shape.status?.containerStatuses?.find((s) => s.name === container);
  if (!status?.state?.running) {
    const why =
      status?.state?.waiting?.reason ?? status?.state?.terminated?.reason ?? 'not started';
    return `container ${container} of ${subject} is not running (${why})`;
  }
  return null;
}

export async function podProblem(ctx: LabContext, target: PodTarget): Promise<string | null> {
  return podTargetProblem(target, await getObject(ctx, 'Pod', target.pod, target.namespace));
}

/** kubectl's own lines in an exec's stderr, which are not the command's output. */
export function withoutKubectlNoise(stderr: string): string {
  return stderr
    .split('\n')
    .filter(
      (line) =>
        !/^Defaulted container "/.test(line) &&
        !/^command terminated with exit code \d+$/.test(line),
    )
    .join('\n');
}
