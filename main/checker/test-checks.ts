// Test helpers: checks as a scenario.yaml would give them (defaults filled in by the schema) and
// Kubernetes objects as kubectl returns them.
import type { Check, CheckInput } from '../scenarios/schema.ts';
import { CheckSchema } from '../scenarios/schema.ts';
import type { KubeObject } from './lab-io.ts';

export function check<T extends Check['type']>(
  input: CheckInput & { type: T },
): Extract<Check, { type: T }> {
  return CheckSchema.parse(input) as Extract<Check, { type: T }>;
}

export function pod(
  name: string,
  status: Record<string, unknown>,
  extra: { containers?: string[]; metadata?: Record<string, unknown> } = {},
): KubeObject {
  return {
    kind: 'Pod',
    metadata: { name, ...extra.metadata },
    spec: { containers: (extra.containers ?? ['main']).map((c) => ({ name: c })) },
    status,
  };
}

export function runningPod(name: string, containers = ['main']): KubeObject {
  return pod(
    name,
    {
      phase: 'Running',
      conditions: [
        { type: 'PodScheduled', status: 'True' },
        { type: 'Ready', status: 'True', lastTransitionTime: '2026-01-01T10:00:05Z' },
      ],
      containerStatuses: containers.map((c) => ({ name: c, ready: true, state: { running: {} } })),
    },
    { containers, metadata: { creationTimestamp: '2026-01-01T10:00:00Z' } },
  );
}
