import { describe, expect, it } from 'vitest';
import { humanBytes } from '../output.ts';
import { humanAge } from './labs.ts';

describe('kubelab labs output', () => {
  it('prints sizes and ages the way docker and kubectl do', () => {
    expect(humanBytes(512)).toBe('512 B');
    expect(humanBytes(1_234_567)).toBe('1.2 MB');
    expect(humanBytes(2_400_000_000)).toBe('2.4 GB');
    const now = new Date('2026-12-02T12:00:00Z');
    expect(humanAge(null, now)).toBe('-');
    expect(humanAge('2026-12-02T11:59:30Z', now)).toBe('30s');
    expect(humanAge('2026-12-02T11:00:00Z', now)).toBe('60m');
    expect(humanAge('2026-12-01T12:00:00Z', now)).toBe('24h');
    expect(humanAge('2026-11-22T12:00:00Z', now)).toBe('10d');
  });
});
