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
  it('joins small writes into one chunk when the timer fires', () => {
    const timers = manualTimers();
    const out: string[] = [];
    const c = new Coalescer((chunk) => out.push(chunk), { delayMs: 16, maxChars: 100, timers });
    c.push('a');
    c.push('b');
    c.push('c');
    expect(out).toEqual([]);
    expect(timers.pending()).toBe(1);
    timers.fire();
    expect(out).toEqual(['abc']);
  });

  it('flushes at once when the size limit is reached, in chunks of at most maxChars', () => {
    const timers = manualTimers();
    const out: string[] = [];
    const c = new Coalescer((chunk) => out.push(chunk), { delayMs: 16, maxChars: 4, timers });
    c.push('ab');
    c.push('cdefghij');
    expect(out).toEqual(['abcd', 'efgh', 'ij']);
    expect(timers.pending()).toBe(0);
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
    expect(out.length).toBeLessThanOrEqual(4);
  });

  it('flush and dispose emit what is pending and nothing twice', () => {
    const timers = manualTimers();
    const out: string[] = [];
    const c = new Coalescer((chunk) => out.push(chunk), { delayMs: 16, maxChars: 100, timers });
    c.push('x');
    c.flush();
    c.flush();
    c.push('y');
    c.dispose();
    timers.fire();
    expect(out).toEqual(['x', 'y']);
  });
});
