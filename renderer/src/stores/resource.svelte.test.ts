// The shared resource store with the contract's fake client: one fetch for the panels mounted
// together, a refresh when an operation of its kinds ends, forgotten when the last panel goes.
import { flushSync } from 'svelte';
import { describe, expect, it, vi } from 'vitest';
import type { Progress } from '../../../main/api/schemas/events.ts';
import { delegatingClient, emitEvent } from '../../test/fake-window-api.ts';
import { Resource } from './resource.svelte.ts';

const ended = (kind: string, state: Progress['state'] = 'done'): Progress => ({
  operationId: 'op-1',
  kind,
  phase: '',
  percent: 100,
  elapsedMs: 0,
  message: '',
  state,
});

/** Mounts `count` panels that use the store, as components do, until the returned unmount. */
function mount(store: Resource<unknown>, count = 1): () => void {
  return $effect.root(() => {
    for (let i = 0; i < count; i++) $effect(() => store.use());
  });
}

function answers(...values: (number | Error)[]): ReturnType<typeof vi.fn<() => Promise<number>>> {
  const fetch = vi.fn<() => Promise<number>>();
  for (const value of values) {
    fetch.mockImplementationOnce(() =>
      value instanceof Error ? Promise.reject(value) : Promise.resolve(value),
    );
  }
  return fetch;
}

describe('Resource', () => {
  it('fetches once for the panels mounted together and shares the answer', async () => {
    const fetch = answers(1);
    const store = new Resource(delegatingClient(), { fetch });
    const unmount = mount(store, 3);
    flushSync();
    expect(fetch).toHaveBeenCalledTimes(1);
    await vi.waitFor(() => expect(store.value).toBe(1));
    unmount();
  });

  it('reads again when an operation of its kinds ends, not while it runs nor for others', async () => {
    const fetch = answers(1, 2);
    const store = new Resource(delegatingClient(), { fetch, refreshAfter: ['images.'] });
    const unmount = mount(store);
    flushSync();
    await vi.waitFor(() => expect(store.value).toBe(1));
    emitEvent('progress', ended('images.build', 'running'));
    emitEvent('progress', ended('lab.up'));
    expect(fetch).toHaveBeenCalledTimes(1);
    emitEvent('progress', ended('images.build', 'failed'));
    await vi.waitFor(() => expect(store.value).toBe(2));
    unmount();
  });

  it('keeps the last answer when a fetch fails, and clears the error on the next success', async () => {
    const fetch = answers(1, new Error('engine gone'), 3);
    const store = new Resource(delegatingClient(), { fetch });
    const unmount = mount(store);
    flushSync();
    await vi.waitFor(() => expect(store.value).toBe(1));
    expect((await store.refresh())?.message).toBe('engine gone');
    expect(store.value).toBe(1);
    expect(store.error?.message).toBe('engine gone');
    expect(await store.refresh()).toBeNull();
    expect(store.value).toBe(3);
    expect(store.error).toBeNull();
    unmount();
  });

  it('keeps only the newest answer when fetches overlap', async () => {
    let answerFirst: (value: number) => void = () => undefined;
    const fetch = vi
      .fn<() => Promise<number>>()
      .mockImplementationOnce(() => new Promise((resolve) => (answerFirst = resolve)))
      .mockImplementationOnce(() => Promise.resolve(2));
    const store = new Resource(delegatingClient(), { fetch });
    const unmount = mount(store);
    flushSync();
    await store.refresh();
    answerFirst(1);
    await Promise.resolve();
    expect(store.value).toBe(2);
    unmount();
  });

  it('forgets everything when the last panel goes, and fetches afresh for the next', async () => {
    const fetch = answers(1, 2);
    const store = new Resource(delegatingClient(), { fetch, refreshAfter: ['lab.'] });
    const first = mount(store);
    const second = mount(store);
    flushSync();
    await vi.waitFor(() => expect(store.value).toBe(1));
    first();
    expect(store.value).toBe(1);
    second();
    await Promise.resolve();
    expect(store.value).toBeNull();
    emitEvent('progress', ended('lab.up'));
    expect(fetch).toHaveBeenCalledTimes(1);
    const again = mount(store);
    flushSync();
    await vi.waitFor(() => expect(store.value).toBe(2));
    again();
  });
});
