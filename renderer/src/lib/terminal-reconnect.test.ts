import { describe, expect, it } from 'vitest';
import { afterExit } from './terminal-reconnect.ts';

describe('terminal reconnect', () => {
  it('reconnects a node shell that died with its node', () => {
    expect(afterExit(137, false)).toBe('reconnect');
    expect(afterExit(129, false)).toBe('reconnect');
  });

  it('leaves a shell the learner ended, or any pod view, to the learner', () => {
    expect(afterExit(0, false)).toBe('ask');
    expect(afterExit(0, true)).toBe('ask');
    expect(afterExit(137, true)).toBe('ask');
  });
});
