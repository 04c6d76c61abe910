// When an object has converged, kind by kind, with a short account of where it stands — what
// `kubectl get` would show a learner. Pure.
import type { KubeObject } from '../lab-io.ts';
import { isTerminating } from './evaluation.ts';

export interface Readiness {
  ready: boolean;
  /** e.g. `Running, 1/2 containers ready (nginx: CrashLoopBackOff)`, `2/3 ready`, `Pending`. */
  state: string;
}

interface Condition {
  type?: string;
  status?: string;
  reason?: string;
  message?: string;
}

interface ContainerStatus {
  name?: string;
  image?: string;
  ready?: boolean;
  state?: {
    waiting?: { reason?: string };
    terminated?: { reason?: string; exitCode?: number };
  };
}

const PULL_FAILED = new Set(['ErrImagePull', 'ImagePullBackOff']);

const num = (value: unknown): number => (typeof value === 'number' ? value : 0);

function field<T>(object: KubeObject, key: string): T {
  return (object[key] ?? {}) as T;
}

function condition(conditions: Condition[] | undefined, type: string): Condition | undefined {
  return conditions?.find((c) => c.type === type);
}

function observed(object: KubeObject): boolean {
  const generation = num((object.metadata as { generation?: number } | undefined)?.generation);
  return (
    num(field<{ observedGeneration?: number }>(object, 'status').observedGeneration) >= generation
  );
}

export function podReadiness(pod: KubeObject): Readiness {
  if (isTerminating(pod)) return { ready: false, state: 'Terminating' };
  const spec = field<{ containers?: unknown[] }>(pod, 'spec');
  const status = field<{
    phase?: string;
    conditions?: Condition[];
    containerStatuses?: ContainerStatus[];
  }>(pod, 'status');
  const phase = status.phase ?? 'Pending';
  const total = spec.containers?.length ?? 0;
  const statuses = status.containerStatuses ?? [];
  const readyCount = statuses.filter((s) => s.ready).length;
  const notes: string[] = [];
  const scheduled = condition(status.conditions, 'PodScheduled');
  if (scheduled?.status === 'False') {
    notes.push(`not scheduled: ${scheduled.message ?? scheduled.reason ?? 'no node fits'}`);
  }
  for (const s of statuses) {
    if (s.ready) continue;
    const waiting = s.state?.waiting?.reason;
    if (waiting && PULL_FAILED.has(waiting) && s.image) {
      // Labs are offline: a failed pull means the lab registry does not hold that image.
      notes.push(
        `${s.name}: ${waiting}, ${s.image} is not in the lab registry (a misspelt name? an image of your own: kubelab images add ${s.image})`,
      );
    } else if (waiting) notes.push(`${s.name}: ${waiting}`);
    else if (s.state?.terminated) {
      const t = s.state.terminated;
      notes.push(`${s.name}: ${t.reason ?? 'terminated'}, exit code ${t.exitCode ?? '?'}`);
    }
  }
  const ready = condition(status.conditions, 'Ready')?.status === 'True';
  const note = notes.length ? ` (${notes.join('; ')})` : '';
  return { ready, state: `${phase}, ${readyCount}/${total} containers ready${note}` };
}

function replicated(
  object: KubeObject,
  desired: number,
  counts: { ready: number; updated: number; total: number; available?: number },
): Readiness {
  const fresh = observed(object);
  const ok =
    fresh &&
    counts.ready === desired &&
    counts.updated === desired &&
    counts.total === desired &&
    (counts.available === undefined || counts.available === desired);
  let state = `${counts.ready}/${desired} ready`;
  if (counts.updated !== desired) state += `, ${counts.updated} up to date`;
  if (counts.total > desired) state += `, ${counts.total - desired} old pod(s) still running`;
  if (!fresh) state += ', the controller has not caught up with the latest change yet';
  return { ready: ok, state };
}

export function deploymentReadiness(deployment: KubeObject): Readiness {
  const desired = num(field<{ replicas?: number }>(deployment, 'spec').replicas ?? 1);
  const s = field<Record<string, number>>(deployment, 'status');
  return replicated(deployment, desired, {
    ready: num(s.readyReplicas),
    updated: num(s.updatedReplicas),
    total: num(s.replicas),
    available: num(s.availableReplicas),
  });
}

export function statefulSetReadiness(set: KubeObject): Readiness {
  const desired = num(field<{ replicas?: number }>(set, 'spec').replicas ?? 1);
  const s = field<Record<string, number>>(set, 'status');
  return replicated(set, desired, {
    ready: num(s.readyReplicas),
    updated: num(s.updatedReplicas),
    total: num(s.replicas),
  });
}

export function replicaSetReadiness(set: KubeObject): Readiness {
  const desired = num(field<{ replicas?: number }>(set, 'spec').replicas ?? 1);
  const s = field<Record<string, number>>(set, 'status');
  const ready = num(s.readyReplicas);
  return replicated(set, desired, { ready, updated: num(s.replicas), total: num(s.replicas) });
}

export function daemonSetReadiness(set: KubeObject): Readiness {
  const s = field<Record<string, number>>(set, 'status');
  const desired = num(s.desiredNumberScheduled);
  const result = replicated(set, desired, {
    ready: num(s.numberReady),
    updated: num(s.updatedNumberScheduled),
    total: num(s.currentNumberScheduled),
  });
  return desired === 0 ? { ready: false, state: 'no node runs it' } : result;
}

export function jobReadiness(job: KubeObject): Readiness {
  const s = field<{
    conditions?: Condition[];
    active?: number;
    succeeded?: number;
    failed?: number;
  }>(job, 'status');
  if (condition(s.conditions, 'Complete')?.status === 'True') {
    return { ready: true, state: 'Complete' };
  }
  const failed = condition(s.conditions, 'Failed');
  if (failed?.status === 'True') {
    return { ready: false, state: `Failed (${failed.reason ?? failed.message ?? 'failed'})` };
  }
  return {
    ready: false,
    state: `running: ${num(s.active)} active, ${num(s.succeeded)} succeeded, ${num(s.failed)} failed`,
  };
}

export function boundReadiness(object: KubeObject): Readiness {
  const phase = field<{ phase?: string }>(object, 'status').phase ?? 'Pending';
  if (isTerminating(object)) return { ready: false, state: `${phase}, terminating` };
  return { ready: phase === 'Bound', state: phase };
}

const BY_KIND: Record<string, (object: KubeObject) => Readiness> = {
  Pod: podReadiness,
  Deployment: deploymentReadiness,
  StatefulSet: statefulSetReadiness,
  ReplicaSet: replicaSetReadiness,
  DaemonSet: daemonSetReadiness,
  Job: jobReadiness,
  PersistentVolumeClaim: boundReadiness,
  PersistentVolume: boundReadiness,
};

export function readiness(kind: string, object: KubeObject): Readiness {
  const judge = BY_KIND[kind];
  return judge ? judge(object) : { ready: false, state: `the checker cannot judge ${kind}` };
}

/** What "converged" means for a kind, in words. */
export function readyMeaning(kind: string): string {
  switch (kind) {
    case 'Pod':
      return 'Ready (every container ready)';
    case 'Job':
      return 'Complete';
    case 'PersistentVolumeClaim':
    case 'PersistentVolume':
      return 'Bound';
    case 'DaemonSet':
      return 'ready on every node, up to date';
    default:
      return 'all replicas ready and up to date';
  }
}
