// The "current hop" marker of a trace: stepped by hand (previous / next / a hop pressed in the
// list) or played, one hop every PLAY_EVERY_MS, stopping on the last. Pure: the component only
// keeps the state and runs the timer.

export interface Stepper {
  /** Index of the current hop (0 when there are none). */
  current: number;
  playing: boolean;
}

export const PLAY_EVERY_MS = 1000;

/** A new trace starts on its first hop, paused. */
export function firstStep(): Stepper {
  return { current: 0, playing: false };
}

function clamp(index: number, count: number): number {
  return Math.max(0, Math.min(index, count - 1));
}

/** Pressing a hop or a step button takes over from playing. */
export function stepTo(index: number, count: number): Stepper {
  return { current: count === 0 ? 0 : clamp(index, count), playing: false };
}

export function nextStep(state: Stepper, count: number): Stepper {
  return stepTo(state.current + 1, count);
}

export function previousStep(state: Stepper, count: number): Stepper {
  return stepTo(state.current - 1, count);
}

/** Play from here; from the last hop (or beyond) it starts again at the first. */
export function play(state: Stepper, count: number): Stepper {
  if (count < 2) return { current: 0, playing: false };
  return { current: state.current >= count - 1 ? 0 : state.current, playing: true };
}

export function pause(state: Stepper): Stepper {
  return { ...state, playing: false };
}

/** One beat of play: the next hop, and stop on the last. */
export function tick(state: Stepper, count: number): Stepper {
  if (!state.playing) return state;
  const next = clamp(state.current + 1, count);
  return { current: next, playing: next < count - 1 };
}
