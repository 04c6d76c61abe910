import { describe, expect, it } from 'vitest';
import { LabError, cancelled } from './api/errors.ts';
import { OperationTracker } from './operations.ts';

describe('OperationTracker', () => {
  it('keeps the whole error of a failed operation beside its message', () => {
    const tracker = new OperationTracker();
    const op = tracker.start('lab.up', 'preflight');
    op.fail(new LabError('IMAGE_MISSING', 'The node image is not built.', { fix: 'Build it.' }));
    expect(tracker.list()).toEqual([
      expect.objectContaining({
        state: 'failed',
        error: 'The node image is not built.',
        errorDetail: {
          name: 'LabError',
          code: 'IMAGE_MISSING',
          message: 'The node image is not built.',
          fix: 'Build it.',
        },
      }),
    ]);
  });

  it('sends a plain Error as INTERNAL, with its message', () => {
    const tracker = new OperationTracker();
    tracker.start('images.build', 'node').fail(new Error('boom'));
    const [progress] = tracker.list();
    expect(progress?.error).toBe('boom');
    expect(progress?.errorDetail).toEqual({ name: 'Error', message: 'boom', code: 'INTERNAL' });
  });

  it('calls an operation cancelled when it was aborted or stopped with CANCELLED', () => {
    const tracker = new OperationTracker();
    const aborted = tracker.start('lab.up', 'preflight');
    tracker.cancel(aborted.id);
    aborted.fail(new Error('the engine went away meanwhile'));
    tracker.start('images.build', 'node').fail(cancelled());
    tracker.start('lab.up', 'preflight').fail(new LabError('STALLED', 'Timed out.'));
    expect(tracker.list().map((p) => p.state)).toEqual(['cancelled', 'cancelled', 'failed']);
  });
});
