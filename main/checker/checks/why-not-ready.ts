// Why a workload or pod is not ready, as `kubectl describe` would tell it: the first pods that
// are not ready, each with its state and newest warning event, and any claim it waits for with
// that claim's newest event ("waiting for a volume to be created by …"). A bare "0/3 ready" left
// a learner — and a failed `kubelab verify` in CI — with no lead. Read only when a ready check
// fails, so a passing check costs nothing more.
import type { KubeObject, LabContext } from '../lab-io.ts';
import { listObjects } from '../lab-io.ts';
import { objectName } from './evaluation.ts';
import { podReadiness, readiness } from './readiness.ts';

/** Kinds whose pods are found by their `spec.selector`. */
const WORKLOADS = new Set(['Deployment', 'StatefulSet', 'ReplicaSet', 'DaemonSet', 'Job']);
/** Pods explained at most: the first ones name the cause; more would bury it. */
const PODS_SHOWN = 2;
const MESSAGE_CHARS = 200;

interface EventFields {
  type?: string;
  reason?: string;
  message?: string;
  lastTimestamp?: string;
  eventTime?: string;
  involvedObject?: { kind?: string; name?: string };
  metadata?: { creationTimestamp?: string };
}

interface PodVolumes {
  spec?: { volumes?: Array<{ persistentVolumeClaim?: { claimName?: string } }> };
}

/** `spec.selector.matchLabels` as a label selector; null when there is none to use. */
export function selectorOf(workload: KubeObject): string | null {
  const spec = workload.spec as { selector?: { matchLabels?: Record<string, string> } } | undefined;
  const labels = Object.entries(spec?.selector?.matchLabels ?? {});
  return labels.length ? labels.map(([key, value]) => `${key}=${value}`).join(',') : null;
}

function namespaceOf(object: KubeObject): string {
  return (object.metadata as { namespace?: string } | undefined)?.namespace ?? 'default';
}

function when(event: EventFields): string {
  return event.lastTimestamp ?? event.eventTime ?? event.metadata?.creationTimestamp ?? '';
}

function clip(text: string): string {
  const line = text.replace(/\s+/g, ' ').trim();
  return line.length > MESSAGE_CHARS ? `${line.slice(0, MESSAGE_CHARS - 1)}…` : line;
}

/** The newest event about one object (of `type` when given). */
function newestEvent(
  events: readonly KubeObject[],
  kind: string,
  name: string,
  type?: string,
): EventFields | undefined {
  return (events as readonly EventFields[])
    .filter(
      (event) =>
        event.involvedObject?.kind === kind &&
        event.involvedObject.name === name &&
        (type === undefined || event.type === type),
    )
    .sort((a, b) => when(b).localeCompare(when(a)))[0];
}

function claimNames(pod: KubeObject): string[] {
  return ((pod as PodVolumes).spec?.volumes ?? []).flatMap((volume) =>
    volume.persistentVolumeClaim?.claimName ? [volume.persistentVolumeClaim.claimName] : [],
  );
}

/**
 * The account of not-ready pods. `withState` adds each pod's own state (a workload's verdict
 * only counts replicas; a pod's verdict already is its state). Pure.
 */
export function explainPods(
  pods: readonly KubeObject[],
  claims: readonly KubeObject[],
  events: readonly KubeObject[],
  withState: boolean,
): string {
  const parts: string[] = [];
  for (const pod of pods) {
    const { state } = podReadiness(pod);
    const notes: string[] = [];
    const warning = newestEvent(events, 'Pod', objectName(pod), 'Warning');
    // The scheduler's complaint is already in the state ("not scheduled: …").
    if (warning?.message && !state.includes(clip(warning.message)))
      notes.push(`${warning.reason ?? 'Warning'}: ${clip(warning.message)}`);
    for (const name of claimNames(pod)) {
      const claim = claims.find((c) => objectName(c) === name);
      if (!claim) {
        notes.push(`its claim ${name} does not exist`);
        continue;
      }
      const bound = readiness('PersistentVolumeClaim', claim);
      if (bound.ready) continue;
      const event = newestEvent(events, 'PersistentVolumeClaim', name);
      notes.push(
        `its claim ${name} is ${bound.state}${event?.message ? ` (${event.reason ?? 'event'}: ${clip(event.message)})` : ''}`,
      );
    }
    const head = withState ? `${objectName(pod)}: ${state}` : objectName(pod);
    if (withState || notes.length) parts.push(notes.length ? `${head}; ${notes.join('; ')}` : head);
  }
  return parts.join(' | ');
}

/** Reads what explainPods needs for the objects a ready check found not ready. */
export async function whyNotReady(
  ctx: LabContext,
  kind: string,
  objects: readonly KubeObject[],
): Promise<string> {
  let pods: KubeObject[];
  if (kind === 'Pod') pods = [...objects];
  else if (WORKLOADS.has(kind)) {
    const workload = objects.find((object) => !readiness(kind, object).ready);
    const selector = workload && selectorOf(workload);
    if (!workload || !selector) return '';
    pods = await listObjects(ctx, 'Pod', { namespace: namespaceOf(workload), selector });
  } else return '';
  const waiting = pods
    .filter((pod) => !podReadiness(pod).ready)
    .sort((a, b) => objectName(a).localeCompare(objectName(b)))
    .slice(0, PODS_SHOWN);
  if (waiting.length === 0) return '';
  const namespace = namespaceOf(waiting[0]!);
  const [events, claims] = await Promise.all([
    listObjects(ctx, 'Event', { namespace }),
    waiting.some((pod) => claimNames(pod).length)
      ? listObjects(ctx, 'PersistentVolumeClaim', { namespace })
      : Promise.resolve([]),
  ]);
  return explainPods(waiting, claims, events, kind !== 'Pod');
}
