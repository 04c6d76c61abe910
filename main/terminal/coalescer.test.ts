import { describe, expect, it } from 'vitest';
import { Coalescer } from './coalescer.ts';
import type { Timers } from './coalescer.ts';

/** Manual timers: the test decides when time passes. */
function manualTimers(): Timers & { fire(): void; pending(): number } {
  const callbacks = new Map<number, () => void>();
  let next = 1;
  return {
    set: (callback) => {
      callbacks.set(next, callback);
      return next++;
    },
    clear: (handle) => callbacks.delete(handle as number),
    fire: () => {
      const due = [...callbacks.values()];
      callbacks.clear();
      for (const callback of due) callback();
    },
    pending: () => callbacks.size,
  };
}

describe('Coalescer', () => {
  it('sends a write after a quiet spell at once (a keystroke echo waits for no timer)', () => {
    const timers = manualTimers();
    const out: string[] = [];
    const c = new Coalescer((chunk) => out.push(chunk), { delayMs: 16, maxChars: 100, timers });
    c.push('a');
    expect(out).toEqual(['a']);
    timers.fire(); // the window closes with nothing gathered: quiet again
    expect(timers.pending()).toBe(0);
    c.push('b');
    expect(out).toEqual(['a', 'b']);
  });

  it('joins the writes that follow within the window into one chunk', () => {
    const timers = manualTimers();
    const out: string[] = [];
    const c = new Coalescer((chunk) => out.push(chunk), { delayMs: 16, maxChars: 100, timers });
    c.push('a');
    c.push('b');
    c.push('c');
    expect(out).toEqual(['a']);
    expect(timers.pending()).toBe(1);
    timers.fire();
    expect(out).toEqual(['a', 'bc']);
    expect(timers.pending()).toBe(1); // still busy: the next window is open
    c.push('d');
    expect(out).toEqual(['a', 'bc']);
    timers.fire();
    expect(out).toEqual(['a', 'bc', 'd']);
  });

  it('flushes at once when the size limit is reached, in chunks of at most maxChars', () => {
    const timers = manualTimers();
    const out: string[] = [];
    const c = new Coalescer((chunk) => out.push(chunk), { delayMs: 16, maxChars: 4, timers });
    c.push('ab');
    c.push('cdefghij');
    expect(out).toEqual(['ab', 'cdef', 'ghij']);
  });

  it('a flood becomes few chunks', () => {
    const timers = manualTimers();
    const out: string[] = [];
    const c = new Coalescer((chunk) => out.push(chunk), {
      delayMs: 16,
      maxChars: 64 * 1024,
      timers,
    });
    for (let i = 0; i < 100_000; i++) c.push('y\n');
    timers.fire();
    expect(out.join('')).toHaveLength(200_000);
    expect(out.length).toBeLessThanOrEqual(5);
  });

  it('flush and dispose emit what is pending and nothing twice', () => {
    const timers = manualTimers();
    const out: string[] = [];
    const c = new Coalescer((chunk) => out.push(chunk), { delayMs: 16, maxChars: 100, timers });
    c.push('x');
    c.push('y');
    c.flush();
    c.flush();
    c.push('z');
    c.dispose();
    timers.fire();
    expect(out).toEqual(['x', 'y', 'z']);
  });
});
