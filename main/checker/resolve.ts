// Looks up the values of a check's placeholders in the live lab: pod IPs and nodes, Service
// cluster IPs and node ports, node addresses. A value that does not exist yet (a pod without an
// IP) is the learner's state, reported as such.
import type { TemplateRef } from '../scenarios/templates.ts';
import { refSubject } from './fill.ts';
import type { KubeObject, LabContext } from './lab-io.ts';
import { getObject } from './lab-io.ts';
import { readFieldPath } from '../scenarios/field-path.ts';

export type Resolution = { values: Map<string, string> } | { missing: string };

const READS: Record<string, { kind: string; path: (string | number)[]; missing: string }> = {
  'pod.ip': { kind: 'Pod', path: ['status', 'podIP'], missing: 'has no IP yet' },
  'pod.node': {
    kind: 'Pod',
    path: ['spec', 'nodeName'],
    missing: 'is not scheduled on a node yet',
  },
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

async function resolveOne(
  ctx: LabContext,
  ref: TemplateRef,
): Promise<string | { missing: string }> {
  if (ref.source === 'node') {
    const node = ctx.config.nodes.find((n) => n.name === ref.name);
    return node ? node.ip : { missing: `the lab has no node ${ref.name}` };
  }
  const read = READS[`${ref.source}.${ref.attribute}`];
  if (!read) return { missing: `${ref.raw} is not a known template` };
  const object: KubeObject | null = await getObject(ctx, read.kind, ref.name, ref.namespace);
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
