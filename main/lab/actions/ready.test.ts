// When the ready action stops waiting: what kubectl printed, judged.
import { describe, expect, it } from 'vitest';
import { allReady, provisionerAvailable, readyOnEveryNode } from './ready.ts';

describe('ready judgements', () => {
  it('allReady wants every wanted node among the Ready ones', () => {
    expect(allReady(['control-plane', 'worker1'], ['worker1', 'control-plane'])).toBe(true);
    expect(allReady(['control-plane', 'worker1'], ['control-plane'])).toBe(false);
    expect(allReady(['control-plane'], ['control-plane', 'worker9'])).toBe(true);
  });

  it('provisionerAvailable wants its one replica available', () => {
    expect(provisionerAvailable('1')).toBe(true);
    expect(provisionerAvailable('1\n')).toBe(true);
    expect(provisionerAvailable('')).toBe(false);
    expect(provisionerAvailable('0')).toBe(false);
  });

  it('readyOnEveryNode wants the DaemonSet Ready on as many nodes as the lab has', () => {
    expect(readyOnEveryNode('3/3', 3)).toBe(true);
    expect(readyOnEveryNode('2/3', 3)).toBe(false);
    // scheduled on fewer nodes than the lab has (a node not registered yet): not yet
    expect(readyOnEveryNode('2/2', 3)).toBe(false);
    expect(readyOnEveryNode('/', 3)).toBe(false);
  });
});
