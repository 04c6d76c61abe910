import { describe, expect, it } from 'vitest';
import { median, medianByKey, summarize } from './stats.ts';

describe('bench stats', () => {
  it('takes the middle sample of an odd count, whatever the order', () => {
    expect(median([9, 1, 5])).toBe(5);
    expect(median([7])).toBe(7);
  });

  it('averages the two middle samples of an even count', () => {
    expect(median([4, 1, 3, 2])).toBe(2.5);
  });

  it('summarises min, median, max and the number of samples', () => {
    expect(summarize([3.5, 1.25, 2])).toEqual({ min: 1.25, median: 2, max: 3.5, runs: 3 });
  });

  it('refuses no samples and samples that are not numbers', () => {
    expect(() => summarize([])).toThrow(/without samples/);
    expect(() => summarize([1, Number.NaN])).toThrow(/not a finite number/);
    expect(() => median([])).toThrow(/no samples/);
  });

  it('takes per-key medians over records that may miss keys', () => {
    expect(
      medianByKey([
        { network: 1, registry: 4 },
        { network: 3, registry: 2, join: 9 },
        { network: 2, registry: 3 },
      ]),
    ).toEqual({ network: 2, registry: 3, join: 9 });
  });
});
