// Solve and record, with the lab and the progress file scripted: a pass is recorded only when
// the check after the solve passes, and a run stops at the first step that does not.
import { describe, expect, it } from 'vitest';
import type { SolveEvent } from './solve.ts';
import { solveAndRecord } from './solve.ts';
import { DEMO, LAB_DOWN, scriptedIo, stepResult } from './test-io.ts';

describe('solve and record', () => {
  it('solves, re-checks with the full wait, then records the step as solved', async () => {
    const { io, log } = scriptedIo();
    const outcome = await solveAndRecord(io, DEMO, [0]);
    expect(outcome.kind).toBe('done');
    expect(outcome.solved.map((s) => s.index)).toEqual([0]);
    expect(log).toEqual([
      'open',
      'solve 0',
      'recheck 0 wait=true',
      'record demo/create-pod solved',
    ]);
  });

  it('records nothing when the check after the solve fails, and stops there', async () => {
    const failed = stepResult(0, false);
    const { io, log } = scriptedIo({ answers: { 0: failed } });
    const outcome = await solveAndRecord(io, DEMO, [0, 1]);
    expect(outcome).toMatchObject({ kind: 'check-failed', index: 0, result: failed, solved: [] });
    expect(log).toEqual(['open', 'solve 0', 'recheck 0 wait=true']);
  });

  it('treats a lab that stops answering after the solve as a failed check (not recorded)', async () => {
    const { io, log } = scriptedIo({ answers: { 1: stepResult(1, false, LAB_DOWN) } });
    const outcome = await solveAndRecord(io, DEMO, [0, 1]);
    expect(outcome.kind).toBe('check-failed');
    expect(outcome.kind === 'check-failed' && outcome.result.clusterProblem).toEqual(LAB_DOWN);
    expect(outcome.solved.map((s) => s.index)).toEqual([0]);
    expect(log.filter((line) => line.startsWith('record'))).toEqual([
      'record demo/create-pod solved',
    ]);
  });

  it('skips ahead step by step, each recorded before the next is solved', async () => {
    const { io, log } = scriptedIo();
    const outcome = await solveAndRecord(io, DEMO, [0, 1]);
    expect(outcome.kind).toBe('done');
    expect(log).toEqual([
      'open',
      'solve 0',
      'recheck 0 wait=true',
      'record demo/create-pod solved',
      'solve 1',
      'recheck 1 wait=true',
      'record demo/cleanup solved',
    ]);
  });

  it('stops at a solution that fails: neither re-checked nor recorded', async () => {
    const { io, log } = scriptedIo({ failingSolves: [1] });
    const outcome = await solveAndRecord(io, DEMO, [0, 1]);
    expect(outcome).toMatchObject({ kind: 'solve-failed', index: 1 });
    expect(outcome.kind === 'solve-failed' && outcome.error.message).toBe('exit status 1');
    expect(log.slice(4)).toEqual(['solve 1']);
  });

  it('touches nothing on a lab that cannot take a solve', async () => {
    const { io, log } = scriptedIo({ problem: LAB_DOWN });
    const outcome = await solveAndRecord(io, DEMO, [0, 1]);
    expect(outcome).toEqual({ solved: [], kind: 'lab-problem', problem: LAB_DOWN });
    expect(log).toEqual(['open']);
  });

  it('tells what happens in order: step, its actions, checking, passed', async () => {
    const { io } = scriptedIo();
    const events: SolveEvent['type'][] = [];
    await solveAndRecord(io, DEMO, [0], { onEvent: (event) => events.push(event.type) });
    const actions = DEMO.scenario.steps[0]!.solve.length;
    expect(events).toEqual([
      'step',
      ...Array<string>(actions).fill('action'),
      'checking',
      'passed',
    ]);
  });
});
