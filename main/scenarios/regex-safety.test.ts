import { describe, expect, it } from 'vitest';
import { nestedQuantifier } from './regex-safety.ts';

describe('nestedQuantifier', () => {
  it('refuses a repeated group that holds an unbounded repeat', () => {
    for (const bad of ['^(a+)+$', '(.*)*x', '(\\w+\\s?)*$', '((ab)*c)+', '(?:x+){2,}', '(a|b+)*']) {
      expect(nestedQuantifier(bad), bad).toMatch(/repeats something that already repeats/);
    }
  });

  it('accepts what the scenarios write', () => {
    for (const ok of [
      'Welcome to nginx!',
      '^10\\.0\\.\\d+\\.\\d+$',
      '(Running|Pending)+',
      '(ab)+c*',
      'a+b+c+',
      '[(+*)]+',
      '\\(a+\\)+',
      '(?:\\d{1,3}\\.){3}\\d{1,3}',
      'Hello from (Kubernetes|k8s) storage',
    ]) {
      expect(nestedQuantifier(ok), ok).toBeNull();
    }
  });
});
