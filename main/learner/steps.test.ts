// Skip ahead and re-check: which steps a learner's solve and check act on.
import { describe, expect, it } from 'vitest';
import { stepsToCheck, stepsToSolve } from './steps.ts';

describe('solve picks its steps', () => {
  it('without a target: the current step, or nothing once all have passed', () => {
    expect(stepsToSolve(2, null)).toEqual([2]);
    expect(stepsToSolve(null, null)).toEqual([]);
  });

  it('with a target ahead: every step from the current one through it (skip ahead)', () => {
    expect(stepsToSolve(1, 4)).toEqual([1, 2, 3, 4]);
    expect(stepsToSolve(3, 3)).toEqual([3]);
  });

  it('with a target behind the learner (or all passed): that step alone', () => {
    expect(stepsToSolve(5, 2)).toEqual([2]);
    expect(stepsToSolve(null, 0)).toEqual([0]);
  });
});

describe('check picks its steps', () => {
  it('a named step alone, wherever the learner is', () => {
    expect(stepsToCheck(1, 4, 6)).toEqual([4]);
    expect(stepsToCheck(null, 0, 6)).toEqual([0]);
  });

  it('without a name: the current step, or every step once all have passed', () => {
    expect(stepsToCheck(2, null, 6)).toEqual([2]);
    expect(stepsToCheck(null, null, 3)).toEqual([0, 1, 2]);
  });
});
