import { describe, expect, it } from 'vitest';
import type { PhaseReport } from './phases.ts';
import { isRunnerLine, runPhases } from './phases.ts';

describe('runPhases', () => {
  it('times each phase, and its own lines are told apart from what a phase says', async () => {
    const reports: PhaseReport[] = [];
    const timings = await runPhases(
      [
        { name: 'network', weight: 1, run: () => Promise.resolve() },
        { name: 'ready', weight: 3, run: (say) => Promise.resolve(say('ready after nodes 0.1 s')) },
      ],
      (report) => reports.push(report),
    );
    expect(Object.keys(timings)).toEqual(['network', 'ready']);
    expect(reports.map((r) => [r.phase, r.percent, isRunnerLine(r.message)])).toEqual([
      ['network', 0, true],
      ['network', 25, true],
      ['ready', 25, true],
      ['ready', 25, false],
      ['ready', 100, true],
    ]);
    expect(reports[3]!.message).toBe('ready after nodes 0.1 s');
  });

  it('stops before the next phase once cancelled', async () => {
    const abort = new AbortController();
    let ran = false;
    const run = runPhases(
      [
        { name: 'a', weight: 1, run: () => Promise.resolve(abort.abort()) },
        { name: 'b', weight: 1, run: () => Promise.resolve(void (ran = true)) },
      ],
      () => undefined,
      abort.signal,
    );
    await expect(run).rejects.toMatchObject({ code: 'CANCELLED' });
    expect(ran).toBe(false);
  });
});
