import { describe, expect, it } from 'vitest';
import { litHops, liveLabel } from './trace-live.ts';

describe('live trace counters', () => {
  it('light the hops whose count went up since the last read', () => {
    expect(litHops([0, null, 3, 5], [2, null, 3, 9])).toEqual([0, 3]);
    expect(litHops(null, [0, 1, null])).toEqual([1]);
    expect(litHops([4, 4], [4, 4])).toEqual([]);
  });

  it('say a counted hop’s packets, and nothing for one not counted', () => {
    expect(liveLabel(1)).toBe('1 packet live');
    expect(liveLabel(12)).toBe('12 packets live');
    expect(liveLabel(null)).toBeNull();
  });
});
