import { describe, expect, it } from 'vitest';
import { firstStep, nextStep, pause, play, previousStep, stepTo, tick } from './trace-steps.ts';

describe('trace steps', () => {
  it('a new trace starts on its first hop, paused', () => {
    expect(firstStep()).toEqual({ current: 0, playing: false });
  });

  it('steps forward and back within the hops, and a step stops playing', () => {
    const playing = { current: 1, playing: true };
    expect(nextStep(playing, 4)).toEqual({ current: 2, playing: false });
    expect(previousStep(playing, 4)).toEqual({ current: 0, playing: false });
    expect(nextStep({ current: 3, playing: false }, 4).current).toBe(3);
    expect(previousStep({ current: 0, playing: false }, 4).current).toBe(0);
  });

  it('goes to a pressed hop, clamped to the list', () => {
    expect(stepTo(2, 4)).toEqual({ current: 2, playing: false });
    expect(stepTo(9, 4).current).toBe(3);
    expect(stepTo(-1, 4).current).toBe(0);
    expect(stepTo(3, 0).current).toBe(0);
  });

  it('plays one hop per tick and stops on the last', () => {
    let state = play(firstStep(), 3);
    expect(state).toEqual({ current: 0, playing: true });
    state = tick(state, 3);
    expect(state).toEqual({ current: 1, playing: true });
    state = tick(state, 3);
    expect(state).toEqual({ current: 2, playing: false });
    // A tick that arrives after it stopped changes nothing.
    expect(tick(state, 3)).toBe(state);
  });

  it('play from the last hop starts again at the first; pause keeps the hop', () => {
    expect(play({ current: 2, playing: false }, 3)).toEqual({ current: 0, playing: true });
    expect(play({ current: 1, playing: false }, 3)).toEqual({ current: 1, playing: true });
    expect(pause({ current: 1, playing: true })).toEqual({ current: 1, playing: false });
  });

  it('has nothing to play with fewer than two hops', () => {
    expect(play(firstStep(), 1)).toEqual({ current: 0, playing: false });
    expect(play(firstStep(), 0)).toEqual({ current: 0, playing: false });
  });
});
