// Check and record, with the lab and the progress file scripted.
import { describe, expect, it } from 'vitest';
import { checkAndRecord } from './check.ts';
import { DEMO, LAB_DOWN, scriptedIo, stepResult } from './test-io.ts';

describe('check and record', () => {
  it('records a step that passes, as passed by the learner (not solved)', async () => {
    const { io, log } = scriptedIo();
    const results = await checkAndRecord(io, DEMO, [0]);
    expect(results.map((r) => r.passed)).toEqual([true]);
    expect(log).toEqual(['check 0 wait=false', 'record demo/create-pod']);
  });

  it('records nothing for a step that does not pass', async () => {
    const { io, log } = scriptedIo({ answers: { 0: stepResult(0, false) } });
    const [result] = await checkAndRecord(io, DEMO, [0]);
    expect(result?.passed).toBe(false);
    expect(log).toEqual(['check 0 wait=false']);
  });

  it('checks every step asked for, recording each that passes', async () => {
    const { io, log } = scriptedIo({ answers: { 0: stepResult(0, false) } });
    const results = await checkAndRecord(io, DEMO, [0, 1]);
    expect(results.map((r) => [r.step, r.passed])).toEqual([
      ['create-pod', false],
      ['cleanup', true],
    ]);
    expect(log).toEqual(['check 0 wait=false', 'check 1 wait=false', 'record demo/cleanup']);
  });

  it('stops at a lab problem: the steps after it could not be asked either', async () => {
    const { io, log } = scriptedIo({ answers: { 0: stepResult(0, false, LAB_DOWN) } });
    const results = await checkAndRecord(io, DEMO, [0, 1]);
    expect(results).toHaveLength(1);
    expect(results[0]?.clusterProblem).toEqual(LAB_DOWN);
    expect(log).toEqual(['check 0 wait=false']);
  });
});
