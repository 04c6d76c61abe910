import { describe, expect, it } from 'vitest';
import { ERROR_CODES, isErrorCode } from './error-codes.ts';
import { LabError, cancelled, fromWireError, isCancelled, toWireError } from './errors.ts';

describe('LabError', () => {
  it('takes the default fix of its code when the throw site gives none', () => {
    expect(new LabError('NO_IMAGE', 'There is no lab image "x".').fix).toBe(
      ERROR_CODES.NO_IMAGE.fix,
    );
    expect(new LabError('NO_IMAGE', 'no', { fix: 'this one' }).fix).toBe('this one');
    expect(new LabError('LAB_BUSY', 'busy').fix).toBeUndefined();
  });

  it('crosses the wire with its code, fix and details', () => {
    const wire = toWireError(new LabError('BAD_REQUEST', 'Invalid.', { fix: 'f', details: ['d'] }));
    expect(wire).toEqual({
      name: 'LabError',
      message: 'Invalid.',
      code: 'BAD_REQUEST',
      fix: 'f',
      details: ['d'],
    });
    const back = fromWireError(wire);
    expect(back).toBeInstanceOf(LabError);
    expect([back.code, back.message, back.fix, back.details]).toEqual([
      'BAD_REQUEST',
      'Invalid.',
      'f',
      ['d'],
    ]);
  });

  it('reads a code it does not know (a newer server) as INTERNAL, keeping the message', () => {
    const error = fromWireError({ name: 'LabError', message: 'new kind', code: 'FROM_THE_FUTURE' });
    expect(error.code).toBe('INTERNAL');
    expect(error.message).toBe('new kind');
    expect(isErrorCode('FROM_THE_FUTURE')).toBe(false);
    expect(isErrorCode('LAB_BUSY')).toBe(true);
  });
});

describe('cancelled', () => {
  it('is one CANCELLED LabError that isCancelled recognises by its code', () => {
    const error = cancelled();
    expect(error).toBeInstanceOf(LabError);
    expect([error.code, error.message, error.fix]).toEqual(['CANCELLED', 'cancelled', undefined]);
    expect(isCancelled(error)).toBe(true);
    expect(isCancelled(cancelled('Nothing was removed.', 'Nothing to fix.'))).toBe(true);
    expect(isCancelled(new Error('cancelled'))).toBe(false);
    expect(isCancelled(new LabError('STALLED', 'cancelled'))).toBe(false);
  });
});
