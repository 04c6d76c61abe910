import { describe, expect, it, vi } from 'vitest';
import { LabError } from '../../../main/api/errors.ts';
import type { LabStatusView } from '../../../main/api/schemas/lab.ts';
import type { Progress } from '../../../main/api/schemas/events.ts';
import { delegatingClient, emitEvent, fakeWindowApi } from '../../test/fake-window-api.ts';
import { prepareLab, preparePlan } from './prepare-lab.ts';

function status(exists: boolean, nodes: [string, boolean | null][]): LabStatusView {
  return {
    lab: 'ui2',
    exists,
    nodes: nodes.map(([state, ready], i) => ({
      name: `n${i}`,
      role: 'worker',
      container: `c${i}`,
      containerState: state,
      ready,
      ip: '',
      podCidr: '',
      bridge: null,
    })),
    apiEndpoint: null,
    kubeconfig: null,
    versions: { kubernetes: '', containerd: '', etcd: '', coredns: '' },
    problems: [],
  };
}

describe('preparing a scenario’s lab', () => {
  it('creates a missing lab with the nodes needed and does not reset it', () => {
    expect(preparePlan(status(false, []), 2, true)).toEqual({ up: 2, reset: false });
  });

  it('only resets a healthy lab that is big enough, when started fresh', () => {
    const healthy = status(true, [
      ['running', true],
      ['running', true],
    ]);
    expect(preparePlan(healthy, 2, true)).toEqual({ up: null, reset: true });
    expect(preparePlan(healthy, 1, false)).toEqual({ up: null, reset: false });
  });

  it('grows a small lab but never shrinks a big one', () => {
    expect(preparePlan(status(true, [['running', true]]), 3, false)).toEqual({
      up: 3,
      reset: false,
    });
    expect(
      preparePlan(
        status(true, [
          ['exited', null],
          ['exited', null],
        ]),
        1,
        true,
      ),
    ).toEqual({
      up: 2,
      reset: true,
    });
  });

  it('starts, then resets, waiting for each operation and passing progress on', async () => {
    const order: string[] = [];
    const done = (id: string, kind: string): Progress => ({
      operationId: id,
      kind,
      phase: 'p',
      percent: 100,
      elapsedMs: 1,
      message: 'ok',
      state: 'done',
    });
    fakeWindowApi({
      lab: {
        status: () => Promise.resolve(status(true, [['exited', null]])),
        up: (input) => {
          order.push(`up ${JSON.stringify(input)}`);
          setTimeout(() => emitEvent('progress', done('up-1', 'lab.up')), 5);
          return Promise.resolve({ operationId: 'up-1' });
        },
        reset: (input) => {
          order.push(`reset ${JSON.stringify(input)}`);
          setTimeout(() => emitEvent('progress', done('reset-1', 'lab.reset')), 5);
          return Promise.resolve({ operationId: 'reset-1' });
        },
      },
    });
    const seen = vi.fn();
    await prepareLab(delegatingClient(), 'ui2', 2, true, seen, () => true);
    expect(order).toEqual(['up {"lab":"ui2","nodes":2}', 'reset {"lab":"ui2"}']);
    expect(seen.mock.calls.map(([p]) => (p as Progress).kind)).toEqual(['lab.up', 'lab.reset']);
  });

  it('does not reset when the learner says no to it (the lab stays as it is)', async () => {
    const reset = vi.fn();
    fakeWindowApi({
      lab: {
        status: () =>
          Promise.resolve(
            status(true, [
              ['running', true],
              ['running', true],
            ]),
          ),
        reset,
      },
    });
    const asked = vi.fn(() => false);
    await prepareLab(delegatingClient(), 'ui2', 2, true, vi.fn(), asked);
    expect(asked).toHaveBeenCalledOnce();
    expect(reset).not.toHaveBeenCalled();
  });

  it('stops at a failed start with its error and does not reset', async () => {
    const reset = vi.fn();
    fakeWindowApi({
      lab: {
        status: () => Promise.resolve(status(false, [])),
        up: () => {
          setTimeout(
            () =>
              emitEvent('progress', {
                operationId: 'up-1',
                kind: 'lab.up',
                phase: 'images',
                percent: 0,
                elapsedMs: 1,
                message: '',
                state: 'failed',
                error: 'image kubelab/node is missing',
              }),
            5,
          );
          return Promise.resolve({ operationId: 'up-1' });
        },
        reset,
      },
    });
    await expect(
      prepareLab(delegatingClient(), 'ui2', 1, true, vi.fn(), () => true),
    ).rejects.toThrow('image kubelab/node is missing');
    expect(reset).not.toHaveBeenCalled();
  });

  it('rejects a failed start with the whole error the main process sent, fix included', async () => {
    fakeWindowApi({
      lab: {
        status: () => Promise.resolve(status(false, [])),
        up: () => {
          setTimeout(
            () =>
              emitEvent('progress', {
                operationId: 'up-2',
                kind: 'lab.up',
                phase: 'images',
                percent: 0,
                elapsedMs: 1,
                message: '',
                state: 'failed',
                error: 'The node image (kubelab/node) is not built.',
                errorDetail: {
                  name: 'LabError',
                  code: 'IMAGE_MISSING',
                  message: 'The node image (kubelab/node) is not built.',
                  fix: 'Run `kubelab images build node`.',
                },
              }),
            5,
          );
          return Promise.resolve({ operationId: 'up-2' });
        },
      },
    });
    const failure = await prepareLab(delegatingClient(), 'ui2', 1, true, vi.fn(), () => true).then(
      () => null,
      (error: unknown) => error,
    );
    expect(failure).toBeInstanceOf(LabError);
    expect(failure).toMatchObject({
      code: 'IMAGE_MISSING',
      message: 'The node image (kubelab/node) is not built.',
      fix: 'Run `kubelab images build node`.',
    });
  });
});
