import { describe, expect, it } from 'vitest';
import { findOutliers } from './outliers.ts';
import type { StartProfile } from './report.ts';
import { medianByKey } from './stats.ts';

const warm = (nodes: number, addons: number, ready: number): StartProfile => ({
  phases: { nodes, 'add-ons': addons, ready },
  said: { 'add-ons': `add-ons after ${addons} s` },
});
const medians = (starts: StartProfile[]): Record<string, number> =>
  medianByKey(starts.map((start) => start.phases));

describe('findOutliers', () => {
  it('names a start far over the median and the phase that grew most', () => {
    const starts = {
      warm_start_s: [warm(2.5, 5.5, 3.3), warm(2.4, 18.9, 3.3), warm(2.6, 4.9, 2.0)],
    };
    const outliers = findOutliers(starts, { warm_start_s: medians(starts.warm_start_s) });
    expect(outliers).toHaveLength(1);
    expect(outliers[0]).toMatchObject({
      figure: 'warm_start_s',
      run: 2,
      phase: 'add-ons',
      phaseSeconds: 18.9,
      phaseMedian: 5.5,
      said: 'add-ons after 18.9 s',
    });
    expect(outliers[0]!.seconds).toBeCloseTo(24.6);
    expect(outliers[0]!.medianSeconds).toBeCloseTo(11.3);
  });

  it('leaves alone starts within half again of the median, and figures of fewer than three starts', () => {
    const even = { cold_start_1node_s: [warm(1.4, 8, 2), warm(1.5, 9, 2), warm(1.6, 12, 2)] };
    expect(findOutliers(even, { cold_start_1node_s: medians(even.cold_start_1node_s) })).toEqual(
      [],
    );
    const two = { cold_start_3node_s: [warm(4, 10, 2), warm(4, 40, 2)] };
    expect(findOutliers(two, { cold_start_3node_s: medians(two.cold_start_3node_s) })).toEqual([]);
  });
});
