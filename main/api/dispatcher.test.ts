import { describe, expect, it } from 'vitest';
import { createDispatcher } from './dispatcher.ts';
import type { LabApi } from './contract.ts';
import { allChannels } from './contract.ts';
import { fakeApi } from './fake-api.ts';
import type { EngineStatus } from './schemas/engine.ts';

const status: EngineStatus = {
  reachable: true,
  version: '20.10.24',
  apiVersion: '1.41',
  os: 'Debian',
  cgroupVersion: '1',
  nodeMode: 'explicit-capabilities',
  problem: null,
};

function api(): LabApi {
  return fakeApi({ engine: { status: () => Promise.resolve(status) } });
}

describe('dispatcher', () => {
  const dispatch = createDispatcher(api());

  it('answers a valid request with the result', async () => {
    expect(await dispatch('engine:status', {})).toEqual({ result: status });
  });

  it('treats a missing input as an empty request', async () => {
    expect(await dispatch('engine:status', undefined)).toEqual({ result: status });
  });

  it('refuses unknown fields with BAD_REQUEST and says which', async () => {
    const answer = await dispatch('engine:status', { surprise: 1 });
    expect(answer).toMatchObject({ error: { code: 'BAD_REQUEST' } });
    expect('error' in answer && answer.error.details?.join()).toMatch(/surprise/);
  });

  it('refuses a wrong input type', async () => {
    expect(await dispatch('engine:status', 'text')).toMatchObject({
      error: { code: 'BAD_REQUEST' },
    });
  });

  it.each([
    'engine:nope',
    'nope:status',
    'engine',
    'engine:status:x',
    '__proto__:toString',
    'engine:constructor',
  ])('refuses the unknown channel %s', async (channel) => {
    expect(await dispatch(channel, {})).toMatchObject({ error: { code: 'UNKNOWN_METHOD' } });
  });

  it('refuses a channel that is not a string', async () => {
    expect(await dispatch(42, {})).toMatchObject({ error: { code: 'BAD_REQUEST' } });
  });

  it('turns a thrown error into a wire error instead of crashing', async () => {
    const failing = fakeApi({ engine: { status: () => Promise.reject(new Error('boom')) } });
    expect(await createDispatcher(failing)('engine:status', {})).toEqual({
      error: { name: 'Error', message: 'boom', code: 'INTERNAL' },
    });
  });

  it('derives channels from the contract keys, each one dispatchable', async () => {
    expect(allChannels()).toContain('engine:status');
    for (const channel of allChannels()) {
      const answer = await dispatch(channel, { notInContract: true });
      expect(answer, channel).toMatchObject({ error: { code: 'BAD_REQUEST' } });
    }
  });
});
