import { describe, expect, it } from 'vitest';
import { FlowControl } from './flow-control.ts';

function flow(): { control: FlowControl; calls: string[] } {
  const calls: string[] = [];
  const control = new FlowControl({
    highChars: 100,
    lowChars: 20,
    pause: () => calls.push('pause'),
    resume: () => calls.push('resume'),
  });
  return { control, calls };
}

describe('terminal flow control', () => {
  it('pauses once past the high mark and resumes once below the low mark', () => {
    const { control, calls } = flow();
    control.sent(60);
    control.sent(40);
    expect(calls).toEqual([]);
    control.sent(1);
    control.sent(500);
    expect(calls).toEqual(['pause']);
    control.acked(500);
    expect(control.unacked).toBe(101);
    expect(calls).toEqual(['pause']);
    control.acked(81);
    expect(calls).toEqual(['pause', 'resume']);
    expect(control.paused).toBe(false);
  });

  it('never counts below zero, whatever a view acks', () => {
    const { control } = flow();
    control.sent(10);
    control.acked(1000);
    control.acked(-50);
    expect(control.unacked).toBe(0);
  });

  it('resumes on reset (a re-attached view starts from its replay)', () => {
    const { control, calls } = flow();
    control.sent(1000);
    control.reset();
    expect(calls).toEqual(['pause', 'resume']);
    expect(control.unacked).toBe(0);
  });

  it('refuses marks that would never resume', () => {
    expect(
      () => new FlowControl({ highChars: 10, lowChars: 10, pause: () => {}, resume: () => {} }),
    ).toThrow('lowChars must be below highChars');
  });
});
