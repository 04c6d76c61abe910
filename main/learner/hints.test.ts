import { describe, expect, it } from 'vitest';
import { hintsToShow } from './hints.ts';

describe('hints a learner sees', () => {
  it('those revealed before; one more when asked, never past the last', () => {
    expect(hintsToShow(3, 1, false)).toBe(1);
    expect(hintsToShow(3, 1, true)).toBe(2);
    expect(hintsToShow(3, 3, true)).toBe(3);
    expect(hintsToShow(0, 0, true)).toBe(0);
  });
});
