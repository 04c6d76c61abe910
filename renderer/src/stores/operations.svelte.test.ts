// The operations store with the contract's fake client: one operations:list for every panel
// that follows, a follower catching up on the operation already running, then every event.
import { flushSync } from 'svelte';
import { describe, expect, it, vi } from 'vitest';
import type { Progress } from '../../../main/api/schemas/events.ts';
import { delegatingClient, emitEvent, fakeWindowApi } from '../../test/fake-window-api.ts';
import { OperationsStore } from './operations.svelte.ts';

const progress = (operationId: string, kind: string, state: Progress['state']): Progress => ({
  operationId,
  kind,
  phase: 'control plane',
  percent: 30,
  elapsedMs: 1000,
  message: '',
  state,
});

function follow(store: OperationsStore, prefix: string, seen: Progress[]): () => void {
  return $effect.root(() => {
    $effect(() => store.follow(prefix, (p) => seen.push(p)));
  });
}

describe('OperationsStore', () => {
  it('asks once what runs, and each follower catches up on the latest of its kind', async () => {
    const list = vi.fn(() =>
      Promise.resolve([
        progress('b1', 'images.build', 'running'),
        progress('u0', 'lab.up', 'done'),
        progress('u1', 'lab.up', 'running'),
      ]),
    );
    fakeWindowApi({ operations: { list } });
    const store = new OperationsStore(delegatingClient());
    const lab: Progress[] = [];
    const images: Progress[] = [];
    const stopLab = follow(store, 'lab.', lab);
    const stopImages = follow(store, 'images.', images);
    flushSync();
    await vi.waitFor(() => expect(lab.map((p) => p.operationId)).toEqual(['u1']));
    expect(images.map((p) => p.operationId)).toEqual(['b1']);
    expect(list).toHaveBeenCalledTimes(1);
    expect(store.running.map((p) => p.operationId)).toEqual(['b1', 'u1']);
    stopLab();
    stopImages();
  });

  it('passes on every event of the kind and keeps the running list from them', async () => {
    fakeWindowApi({ operations: { list: () => Promise.resolve([]) } });
    const store = new OperationsStore(delegatingClient());
    const seen: Progress[] = [];
    const stop = follow(store, 'bundles.', seen);
    flushSync();
    await Promise.resolve();
    emitEvent('progress', progress('l1', 'bundles.load', 'running'));
    emitEvent('progress', progress('u1', 'lab.up', 'running'));
    expect(seen.map((p) => p.state)).toEqual(['running']);
    expect(store.running.map((p) => p.operationId)).toEqual(['l1', 'u1']);
    emitEvent('progress', progress('l1', 'bundles.load', 'done'));
    expect(seen.map((p) => p.state)).toEqual(['running', 'done']);
    expect(store.running.map((p) => p.operationId)).toEqual(['u1']);
    stop();
  });

  it('does not revive an operation that ended before operations:list answered', async () => {
    let answer: (list: Progress[]) => void = () => undefined;
    fakeWindowApi({ operations: { list: () => new Promise((resolve) => (answer = resolve)) } });
    const store = new OperationsStore(delegatingClient());
    const seen: Progress[] = [];
    const stop = follow(store, 'lab.', seen);
    flushSync();
    emitEvent('progress', progress('u1', 'lab.up', 'done'));
    answer([progress('u1', 'lab.up', 'running')]);
    await new Promise((resolve) => setTimeout(resolve, 0));
    expect(seen.map((p) => p.state)).toEqual(['done']);
    expect(store.running).toEqual([]);
    stop();
  });

  it('stops listening when the last follower goes, and asks again for the next', async () => {
    const list = vi.fn(() => Promise.resolve([progress('u1', 'lab.up', 'running')]));
    fakeWindowApi({ operations: { list } });
    const store = new OperationsStore(delegatingClient());
    const stop = follow(store, 'lab.', []);
    flushSync();
    await vi.waitFor(() => expect(store.running).toHaveLength(1));
    stop();
    expect(store.running).toEqual([]);
    emitEvent('progress', progress('u2', 'lab.up', 'running'));
    expect(store.running).toEqual([]);
    const again: Progress[] = [];
    const stopAgain = follow(store, 'lab.', again);
    flushSync();
    await vi.waitFor(() => expect(again.map((p) => p.operationId)).toEqual(['u1']));
    expect(list).toHaveBeenCalledTimes(2);
    stopAgain();
  });
});
