import { describe, expect, it } from 'vitest';
import { check, pod, runningPod } from '../test-checks.ts';
import { countCommand, judgeCount } from './count.ts';

describe('count', () => {
  const two = check({ type: 'count', kind: 'Pod', selector: 'app=tut', equals: 2 });

  it('passes with exactly that many', () => {
    expect(judgeCount(two, [runningPod('a'), runningPod('b')])).toEqual({
      passed: true,
      expected: '2 pods matching app=tut',
      found: '2 pods: a, b',
    });
  });

  it('fails with more or fewer, and says which are terminating', () => {
    const leaving = pod('c', {}, { metadata: { deletionTimestamp: '2026-01-01T00:00:00Z' } });
    expect(judgeCount(two, [runningPod('a'), runningPod('b'), leaving])).toEqual({
      passed: false,
      expected: '2 pods matching app=tut',
      found: '3 pods: a, b, c (terminating: c)',
    });
    expect(judgeCount(two, []).found).toBe('0 pods');
  });

  it('supports atLeast', () => {
    const some = check({ type: 'count', kind: 'PersistentVolumeClaim', atLeast: 1 });
    expect(judgeCount(some, [runningPod('x')]).passed).toBe(true);
    expect(judgeCount(some, [])).toMatchObject({ passed: false, expected: 'at least 1 pvc' });
  });

  it('shows kubectl get with the selectors', () => {
    expect(countCommand(two)).toBe('kubectl get pods -l app=tut');
    expect(
      countCommand(
        check({ type: 'count', kind: 'Pod', fieldSelector: 'status.phase=Running', equals: 0 }),
      ),
    ).toBe('kubectl get pods --field-selector status.phase=Running');
  });
});
