import { describe, expect, it } from 'vitest';
import type { KubeObject } from '../lab-io.ts';
import { check, pod } from '../test-checks.ts';
import { judgeOrdered } from './ordered.ts';

function started(name: string, created: string, readySince: string | null): KubeObject {
  return pod(
    name,
    {
      phase: 'Running',
      conditions: readySince
        ? [{ type: 'Ready', status: 'True', lastTransitionTime: readySince }]
        : [],
    },
    { metadata: { creationTimestamp: created } },
  );
}

describe('ordered', () => {
  const ordered = check({ type: 'ordered', selector: 'app=httpd', names: ['s-0', 's-1', 's-2'] });

  it('passes when each pod was created after the previous one was Ready', () => {
    const verdict = judgeOrdered(ordered, [
      started('s-2', '2026-01-01T10:00:20Z', '2026-01-01T10:00:25Z'),
      started('s-0', '2026-01-01T10:00:00Z', '2026-01-01T10:00:05Z'),
      started('s-1', '2026-01-01T10:00:05Z', '2026-01-01T10:00:12Z'),
    ]);
    expect(verdict.passed).toBe(true);
    expect(verdict.found).toBe(
      's-0 Ready 10:00:05 → s-1 created 10:00:05; s-1 Ready 10:00:12 → s-2 created 10:00:20',
    );
  });

  it('fails when pods started together (parallel)', () => {
    const verdict = judgeOrdered(ordered, [
      started('s-0', '2026-01-01T10:00:00Z', '2026-01-01T10:00:05Z'),
      started('s-1', '2026-01-01T10:00:00Z', '2026-01-01T10:00:06Z'),
      started('s-2', '2026-01-01T10:00:00Z', '2026-01-01T10:00:06Z'),
    ]);
    expect(verdict).toMatchObject({
      passed: false,
      found: 's-1 was created at 10:00:00, before s-0 was Ready (10:00:05)',
    });
  });

  it('fails when a pod is missing or the previous one is not Ready', () => {
    expect(judgeOrdered(ordered, [started('s-0', '2026-01-01T10:00:00Z', null)]).found).toBe(
      's-1, s-2 do not exist (or lack the label app=httpd)',
    );
    const verdict = judgeOrdered(ordered, [
      started('s-0', '2026-01-01T10:00:00Z', null),
      started('s-1', '2026-01-01T10:00:10Z', null),
      started('s-2', '2026-01-01T10:00:20Z', null),
    ]);
    expect(verdict).toMatchObject({ passed: false, found: 's-0 is not Ready' });
  });
});
