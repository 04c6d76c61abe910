import { describe, expect, it } from 'vitest';
import { workingSetBytes } from './memory.ts';

describe('lab memory', () => {
  it('subtracts the inactive page cache as docker stats does (cgroup v1 and v2 names)', () => {
    expect(workingSetBytes({ usage: 1000, stats: { total_inactive_file: 300 } })).toBe(700);
    expect(workingSetBytes({ usage: 1000, stats: { inactive_file: 100 } })).toBe(900);
    expect(workingSetBytes({ usage: 1000 })).toBe(1000);
  });

  it('never reports a negative figure or one for a container without stats', () => {
    expect(workingSetBytes({ usage: 10, stats: { inactive_file: 50 } })).toBe(0);
    expect(workingSetBytes({})).toBe(0);
  });
});
