// Looks up the values of a check's placeholders in the live lab: pod IPs and nodes, Service
// cluster IPs and node ports, node addresses. A value that does not exist yet (a pod without an
// IP) is the learner's state, reported as such.
import type { TemplateRef } from '../scenarios/templates.ts';
import { refSubject } from './fill.ts';
import type { KubeObject, LabContext } from './lab-io.ts';
import { getObject, listObjects } from './lab-io.ts';
import { isSelector, selectorParts } from '../scenarios/templates.ts';
import { readFieldPath } from '../scenarios/field-path.ts';

export type Resolution = { values: Map<string, string> } | { missing: string };

const READS: Record<string, { kind: string; path: (string | number)[]; missing: string }> = {
  'pod.ip': { kind: 'Pod', path: ['status', 'podIP'], missing: 'has no IP yet' },
  'pod.node': {
    kind: 'Pod',
    path: ['spec', 'nodeName'],
    missing: 'is not scheduled on a node yet',
  },
  'pod.name': { kind: 'Pod', path: ['metadata', 'name'], missing: 'has no name' },
  'service.clusterIP': {
    kind: 'Service',
    path: ['spec', 'clusterIP'],
    missing: 'has no cluster IP',
  },
  'service.nodePort': {
    kind: 'Service',
    path: ['spec', 'ports', 0, 'nodePort'],
    missing: 'has no node port (is it of type NodePort?)',
  },
};

/** The Nth pod by name among the running ones with the label (else among all of them). */
async function podBySelector(
  ctx: LabContext,
  name: string,
  namespace?: string,
): Promise<KubeObject | null> {
  const { selector, nth } = selectorParts(name);
  const pods = await listObjects(ctx, 'Pod', { selector, namespace: namespace ?? 'default' });
  const nameOf = (pod: KubeObject): string => {
    const value = readFieldPath(pod, ['metadata', 'name']);
    return typeof value === 'string' ? value : '';
  };
  const running = pods.filter((pod) => readFieldPath(pod, ['status', 'phase']) === 'Running');
  const sorted = [...(running.length ? running : pods)].sort((a, b) =>
    nameOf(a).localeCompare(nameOf(b)),
  );
  return sorted[nth - 1] ?? null;
}

async function resolveOne(
  ctx: LabContext,
  ref: TemplateRef,
): Promise<string | { missing: string }> {
  if (ref.source === 'node') {
    const node = ctx.config.nodes.find((n) => n.name === ref.name);
    if (!node) return { missing: `the lab has no node ${ref.name}` };
    return ref.attribute === 'podCidr' ? node.podCidr : node.ip;
  }
  const read = READS[`${ref.source}.${ref.attribute}`];
  if (!read) return { missing: `${ref.raw} is not a known template` };
  const object = isSelector(ref.name)
    ? await podBySelector(ctx, ref.name, ref.namespace)
    : await getObject(ctx, read.kind, ref.name, ref.namespace);
  if (!object) return { missing: `${refSubject(ref)} does not exist` };
  const value = readFieldPath(object, read.path);
  if (value === undefined || value === null || value === '') {
    return { missing: `${refSubject(ref)} ${read.missing}` };
  }
  return typeof value === 'string' || typeof value === 'number'
    ? String(value)
    : JSON.stringify(value);
}

/** The values of every placeholder, or the first one that cannot be filled in. */
export async function resolveTemplates(
  ctx: LabContext,
  refs: readonly TemplateRef[],
): Promise<Resolution> {
  const values = new Map<string, string>();
  for (const ref of refs) {
    const value = await resolveOne(ctx, ref);
    if (typeof value !== 'string') return value;
    values.set(ref.raw, value);
  }
  return { values };
}

/** Each placeholder's value, or why it has none yet (live values in a step's text). */
export async function resolveEach(
  ctx: LabContext,
  refs: readonly TemplateRef[],
): Promise<Map<string, string | { missing: string }>> {
  const values = new Map<string, string | { missing: string }>();
  await Promise.all(refs.map(async (ref) => values.set(ref.raw, await resolveOne(ctx, ref))));
  return values;
}
