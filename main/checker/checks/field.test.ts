import { describe, expect, it } from 'vitest';
import { parseFieldPath } from '../../scenarios/field-path.ts';
import { check } from '../test-checks.ts';
import { fieldCommand, judgeField, toJsonPath } from './field.ts';

const base = { type: 'field', kind: 'Pod', name: 'web' } as const;

describe('field', () => {
  it('compares equals as text: numbers, strings, booleans', () => {
    const port = check({ ...base, path: '.spec.ports[0].port', equals: 80 });
    expect(judgeField(port, true, 80)).toEqual({ passed: true, expected: '80', found: '80' });
    expect(judgeField(port, true, '80').passed).toBe(true);
    expect(judgeField(port, true, 8080)).toEqual({ passed: false, expected: '80', found: '8080' });
    const flag = check({ ...base, path: '.x', equals: 'true' });
    expect(judgeField(flag, true, 'true').passed).toBe(true);
    expect(judgeField(flag, true, true).passed).toBe(true);
  });

  it('never equals an object or a missing field', () => {
    const value = check({ ...base, path: '.spec', equals: '{}' });
    expect(judgeField(value, true, {}).passed).toBe(false);
    expect(judgeField(value, true, undefined)).toMatchObject({
      passed: false,
      found: '.spec is not set',
    });
  });

  it('accepts any of oneOf', () => {
    const phase = check({ ...base, path: '.status.phase', oneOf: ['Available', 'Bound'] });
    expect(judgeField(phase, true, 'Bound').passed).toBe(true);
    expect(judgeField(phase, true, 'Released')).toEqual({
      passed: false,
      expected: 'one of Available, Bound',
      found: 'Released',
    });
  });

  it('matches regular expressions on the value as text', () => {
    const restarts = check({
      ...base,
      path: '.status.containerStatuses[0].restartCount',
      matches: '^[1-9]',
    });
    expect(judgeField(restarts, true, 2).passed).toBe(true);
    expect(judgeField(restarts, true, 0).passed).toBe(false);
    const conf = check({
      ...base,
      path: '.data["nginx.conf"]',
      matches: 'proxy_pass http://127\\.0\\.0\\.1:2368;',
    });
    expect(judgeField(conf, true, 'server {\n  proxy_pass http://127.0.0.1:2368;\n}').passed).toBe(
      true,
    );
  });

  it('checks presence: {} counts as present, null and missing do not', () => {
    const set = check({ ...base, path: '.spec.volumes[0].emptyDir', present: true });
    expect(judgeField(set, true, {}).passed).toBe(true);
    expect(judgeField(set, true, null).passed).toBe(false);
    const unset = check({ ...base, path: '.spec.selector', present: false });
    expect(judgeField(unset, true, undefined).passed).toBe(true);
    expect(judgeField(unset, true, { app: 'x' })).toMatchObject({
      passed: false,
      found: '{"app":"x"}',
    });
  });

  it('fails when the object does not exist, even for present: false', () => {
    const unset = check({ ...base, path: '.spec.volumeName', present: false });
    expect(judgeField(unset, false, undefined)).toMatchObject({
      passed: false,
      found: 'Pod web does not exist',
    });
  });

  it('writes kubectl jsonpath, escaping dots inside keys', () => {
    expect(toJsonPath(parseFieldPath('.spec.containers[1].volumeMounts[0].subPath')!)).toBe(
      '{.spec.containers[1].volumeMounts[0].subPath}',
    );
    expect(
      toJsonPath(
        parseFieldPath('.metadata.annotations["storageclass.kubernetes.io/is-default-class"]')!,
      ),
    ).toBe('{.metadata.annotations.storageclass\\.kubernetes\\.io/is-default-class}');
    expect(
      fieldCommand(
        check({
          ...base,
          kind: 'PersistentVolume',
          name: 'pv-local',
          path: '.status.phase',
          equals: 'Bound',
        }),
      ),
    ).toBe(`kubectl get pv pv-local -o jsonpath='{.status.phase}'`);
  });
});

describe('field values in answers', () => {
  it('shows a long matching text around the match', () => {
    const conf = check({
      ...base,
      kind: 'ConfigMap',
      path: '.data["nginx.conf"]',
      matches: 'proxy_pass',
    });
    const text = `${'# comment\n'.repeat(40)}location /ghost {\n  proxy_pass http://127.0.0.1:2368;\n}\n`;
    expect(judgeField(conf, true, text).found).toBe('… proxy_pass http://127.0.0.1:2368; …');
  });
});
