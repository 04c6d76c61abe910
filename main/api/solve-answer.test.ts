// What the UI's "show me" ends with: a done message only for a step whose check passed after its
// solve; otherwise a failure that says what is still wrong and that nothing was recorded.
import { describe, expect, it } from 'vitest';
import { SolveError } from '../checker/solve.ts';
import type { SolveOutcome } from '../learner/solve.ts';
import { LAB_DOWN, stepResult } from '../learner/test-io.ts';
import { LabError } from './errors.ts';
import { solveAnswer } from './solve-answer.ts';

const report = { step: 'create-pod', actions: [], seconds: 2.25 };

function failure(outcome: SolveOutcome): unknown {
  try {
    solveAnswer('create-pod', outcome);
  } catch (error) {
    return error;
  }
  throw new Error('expected solveAnswer to throw');
}

describe("the UI's solve answer", () => {
  it('solved: the seconds the solution took', () => {
    const outcome: SolveOutcome = {
      kind: 'done',
      solved: [{ index: 0, report, result: stepResult(0, true) }],
    };
    expect(solveAnswer('create-pod', outcome)).toBe('solved create-pod in 2.3 s');
  });

  it('a check that still fails after the solve: the conditions not met, nothing recorded', () => {
    const error = failure({
      kind: 'check-failed',
      index: 0,
      report,
      result: stepResult(0, false),
      solved: [],
    });
    expect(error).toBeInstanceOf(LabError);
    expect(error).toMatchObject({ code: 'STEP_NOT_PASSED' });
    expect((error as Error).message).toBe(
      "The solution of create-pod ran, but the step's check still fails: create-pod is done (expected done, found not yet). The step was not marked as passed; press Check to see every condition.",
    );
  });

  it('a lab that stopped answering after the solve: its problem and fix, nothing recorded', () => {
    const error = failure({
      kind: 'check-failed',
      index: 0,
      report,
      result: stepResult(0, false, LAB_DOWN),
      solved: [],
    });
    expect(error).toMatchObject({ code: 'LAB_NOT_READY', fix: LAB_DOWN.fix });
    expect((error as Error).message).toContain(LAB_DOWN.message);
    expect((error as Error).message).toContain('not marked as passed');
    expect((error as Error).message).toContain(LAB_DOWN.fix);
  });

  it('a lab that cannot take a solve, and a failing solution, as before', () => {
    expect(failure({ kind: 'lab-problem', problem: LAB_DOWN, solved: [] })).toMatchObject({
      code: 'LAB_NOT_READY',
      message: LAB_DOWN.message,
      fix: LAB_DOWN.fix,
    });
    const broken = new SolveError('create-pod', 'false', 'exit status 1', '', report);
    expect(failure({ kind: 'solve-failed', index: 0, error: broken, solved: [] })).toBe(broken);
  });
});
