import { describe, expect, it } from 'vitest';
import type { Progress } from '../../../main/api/schemas/events.ts';
import { applyProgress, mergeListed } from './running.ts';

const op = (operationId: string, state: Progress['state'], percent = 10): Progress => ({
  operationId,
  kind: 'lab.up',
  phase: 'nodes',
  percent,
  elapsedMs: 1000,
  message: '',
  state,
});

describe('applyProgress', () => {
  it('adds a new running operation at the end and updates a known one in place', () => {
    const running = applyProgress([op('a', 'running')], op('b', 'running'));
    expect(running.map((p) => p.operationId)).toEqual(['a', 'b']);
    const later = applyProgress(running, op('a', 'running', 50));
    expect(later.map((p) => [p.operationId, p.percent])).toEqual([
      ['a', 50],
      ['b', 10],
    ]);
  });

  it('drops an operation once it is done, failed or cancelled', () => {
    for (const state of ['done', 'failed', 'cancelled'] as const) {
      expect(applyProgress([op('a', 'running'), op('b', 'running')], op('a', state))).toEqual([
        op('b', 'running'),
      ]);
    }
  });
});

describe('mergeListed', () => {
  it('puts what operations:list found running ahead of what events brought', () => {
    const merged = mergeListed([op('b', 'running')], [op('a', 'running')], new Set());
    expect(merged.map((p) => p.operationId)).toEqual(['a', 'b']);
  });

  it('keeps the fresher event of an operation and leaves out finished ones', () => {
    const merged = mergeListed(
      [op('a', 'running', 80)],
      [op('a', 'running', 20), op('b', 'running'), op('c', 'done'), op('d', 'running')],
      new Set(['d']),
    );
    expect(merged.map((p) => [p.operationId, p.percent])).toEqual([
      ['b', 10],
      ['a', 80],
    ]);
  });
});
