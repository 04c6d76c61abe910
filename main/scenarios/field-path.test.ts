import { describe, expect, it } from 'vitest';
import { parseFieldPath, readFieldPath } from './field-path.ts';

describe('parseFieldPath', () => {
  it.each([
    ['.status.phase', ['status', 'phase']],
    ['.spec.containers[0].image', ['spec', 'containers', 0, 'image']],
    ['.data["nginx.conf"]', ['data', 'nginx.conf']],
    [".metadata.annotations['a.io/b']", ['metadata', 'annotations', 'a.io/b']],
  ])('parses %s', (path, segments) => {
    expect(parseFieldPath(path)).toEqual(segments);
  });

  it.each(['', 'status.phase', '.spec..x', '.a[x]', '.a[0', '.a b'])('refuses %j', (path) => {
    expect(parseFieldPath(path)).toBeNull();
  });
});

describe('readFieldPath', () => {
  const pod = { spec: { containers: [{ image: 'nginx' }], volumes: [{ emptyDir: {} }] } };

  it('follows keys and indexes', () => {
    expect(readFieldPath(pod, ['spec', 'containers', 0, 'image'])).toBe('nginx');
    expect(readFieldPath(pod, ['spec', 'volumes', 0, 'emptyDir'])).toEqual({});
  });

  it('answers undefined for anything missing', () => {
    expect(readFieldPath(pod, ['spec', 'containers', 3, 'image'])).toBeUndefined();
    expect(readFieldPath(pod, ['spec', 'containers', 'x'])).toBeUndefined();
    expect(readFieldPath(pod, ['constructor'])).toBeUndefined();
  });
});
