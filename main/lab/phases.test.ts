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

  it('moves the bar within a phase that says how far it is, never backwards', async () => {
    const percents: number[] = [];
    await runPhases(
      [
        { name: 'nodes', weight: 1, run: () => Promise.resolve() },
        {
          name: 'ready',
          weight: 3,
          run: (say) => {
            say('nodes after 0.1 s (1 of 3)', 1 / 3);
            say('a line without a fraction');
            say('a late report of less', 0.1);
            say('CoreDNS after 2.0 s (3 of 3)', 1);
            return Promise.resolve();
          },
        },
      ],
      (report) => percents.push(report.percent),
    );
    expect(percents).toEqual([0, 25, 25, 50, 50, 50, 100, 100]);
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
