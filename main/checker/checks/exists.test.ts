import { describe, expect, it } from 'vitest';
import { check } from '../test-checks.ts';
import { existsCommand, judgeExists } from './exists.ts';

describe('exists', () => {
  const present = check({ type: 'exists', kind: 'ConfigMap', name: 'nginx-conf' });
  const absent = check({ type: 'exists', kind: 'Pod', name: 'web', absent: true });

  it('passes when the object is there', () => {
    expect(judgeExists(present, 'present')).toEqual({
      passed: true,
      expected: 'ConfigMap nginx-conf exists',
      found: 'ConfigMap nginx-conf exists',
    });
  });

  it('fails when it is missing or terminating', () => {
    expect(judgeExists(present, 'missing')).toMatchObject({
      passed: false,
      found: 'ConfigMap nginx-conf does not exist',
    });
    expect(judgeExists(present, 'terminating').passed).toBe(false);
  });

  it('with absent, passes only when it is gone', () => {
    expect(judgeExists(absent, 'missing').passed).toBe(true);
    expect(judgeExists(absent, 'terminating')).toMatchObject({
      passed: false,
      found: 'Pod web is still terminating',
    });
    expect(judgeExists(absent, 'present').passed).toBe(false);
  });

  it('shows the kubectl command, with the namespace only when it is not default', () => {
    expect(existsCommand(present)).toBe('kubectl get configmap nginx-conf');
    expect(
      existsCommand(
        check({ type: 'exists', kind: 'Service', name: 'kube-dns', namespace: 'kube-system' }),
      ),
    ).toBe('kubectl get service kube-dns -n kube-system');
    expect(
      existsCommand(
        check({ type: 'exists', kind: 'PersistentVolume', name: 'pv', namespace: 'x' }),
      ),
    ).toBe('kubectl get pv pv');
  });
});
