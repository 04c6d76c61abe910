// retryIfStalled with real (short) timers: a stall gets exactly one more try, a failure none.
import { describe, expect, it } from 'vitest';
import { LabError } from '../../api/errors.ts';
import { isStall, retryIfStalled } from './retry-if-stalled.ts';

const never = (): Promise<number> => new Promise<number>(() => undefined);

describe('isStall', () => {
  it('is true only for a STALLED LabError', () => {
    expect(isStall(new LabError('STALLED', 'x'))).toBe(true);
    expect(isStall(new LabError('TIMEOUT', 'x'))).toBe(false);
    expect(isStall(new Error('STALLED'))).toBe(false);
    expect(isStall('STALLED')).toBe(false);
  });
});

describe('retryIfStalled', () => {
  it('returns the answer of a step that settles in time, without a retry', async () => {
    let retries = 0;
    await expect(
      retryIfStalled(
        'x',
        1_000,
        () => Promise.resolve(5),
        () => retries++,
      ),
    ).resolves.toBe(5);
    expect(retries).toBe(0);
  });

  it('runs a stalled step once more and takes that answer', async () => {
    let calls = 0;
    let retries = 0;
    const work = (): Promise<number> => (++calls === 1 ? never() : Promise.resolve(7));
    await expect(retryIfStalled('x', 20, work, () => retries++)).resolves.toBe(7);
    expect({ calls, retries }).toEqual({ calls: 2, retries: 1 });
  });

  it('gives up with STALLED, naming the step, when the second try stalls too', async () => {
    let calls = 0;
    const work = (): Promise<number> => {
      calls++;
      return never();
    };
    await expect(
      retryIfStalled('the lab registry to start', 20, work, () => undefined),
    ).rejects.toMatchObject({
      code: 'STALLED',
      message: 'Timed out after 0.02 s waiting for the lab registry to start.',
    });
    expect(calls).toBe(2);
  });

  it('does not retry a step that fails', async () => {
    let calls = 0;
    let retries = 0;
    const work = (): Promise<number> => {
      calls++;
      return Promise.reject(new LabError('KUBECTL_FAILED', 'boom'));
    };
    await expect(retryIfStalled('x', 1_000, work, () => retries++)).rejects.toMatchObject({
      code: 'KUBECTL_FAILED',
    });
    expect({ calls, retries }).toEqual({ calls: 1, retries: 0 });
  });
});
