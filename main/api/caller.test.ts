import { describe, expect, it } from 'vitest';
import { createCaller } from './caller.ts';

describe('createCaller', () => {
  it('runs close listeners once, and at once for a caller already closed', () => {
    const { caller, close } = createCaller('c');
    const calls: string[] = [];
    caller.onClose(() => calls.push('a'));
    close();
    close();
    caller.onClose(() => calls.push('late'));
    expect(calls).toEqual(['a', 'late']);
    expect(caller.id).toBe('c');
  });
});
