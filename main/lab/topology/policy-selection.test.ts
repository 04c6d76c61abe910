import { describe, expect, it } from 'vitest';
import { policiesSelecting, selectorMatches } from './policy-selection.ts';

describe('selectorMatches', () => {
  it('an empty selector selects every pod', () => {
    expect(selectorMatches({}, { app: 'x' })).toBe(true);
    expect(selectorMatches(undefined, {})).toBe(true);
  });

  it('matchLabels needs every label', () => {
    expect(
      selectorMatches({ matchLabels: { app: 'web', tier: 'a' } }, { app: 'web', tier: 'a' }),
    ).toBe(true);
    expect(selectorMatches({ matchLabels: { app: 'web', tier: 'a' } }, { app: 'web' })).toBe(false);
  });

  it('matchExpressions: In, NotIn, Exists, DoesNotExist; an unknown operator never matches', () => {
    const labels = { app: 'web' };
    expect(
      selectorMatches(
        { matchExpressions: [{ key: 'app', operator: 'In', values: ['web', 'db'] }] },
        labels,
      ),
    ).toBe(true);
    expect(
      selectorMatches(
        { matchExpressions: [{ key: 'app', operator: 'NotIn', values: ['web'] }] },
        labels,
      ),
    ).toBe(false);
    expect(
      selectorMatches(
        { matchExpressions: [{ key: 'tier', operator: 'NotIn', values: ['a'] }] },
        labels,
      ),
    ).toBe(true);
    expect(
      selectorMatches({ matchExpressions: [{ key: 'app', operator: 'Exists' }] }, labels),
    ).toBe(true);
    expect(
      selectorMatches({ matchExpressions: [{ key: 'app', operator: 'DoesNotExist' }] }, labels),
    ).toBe(false);
    expect(
      selectorMatches(
        { matchExpressions: [{ key: 'app', operator: 'Gt', values: ['1'] }] },
        labels,
      ),
    ).toBe(false);
  });
});

describe('policiesSelecting', () => {
  it('lists the policies of the pod namespace that select it, sorted', () => {
    const policies = [
      { metadata: { name: 'zz-deny', namespace: 'np' }, spec: { podSelector: {} } },
      {
        metadata: { name: 'web-only', namespace: 'np' },
        spec: { podSelector: { matchLabels: { app: 'web' } } },
      },
      {
        metadata: { name: 'db-only', namespace: 'np' },
        spec: { podSelector: { matchLabels: { app: 'db' } } },
      },
      { metadata: { name: 'other-ns', namespace: 'default' }, spec: { podSelector: {} } },
    ];
    expect(policiesSelecting({ namespace: 'np', labels: { app: 'web' } }, policies)).toEqual([
      'web-only',
      'zz-deny',
    ]);
    expect(policiesSelecting({ namespace: 'kube-system', labels: {} }, policies)).toEqual([]);
  });
});
