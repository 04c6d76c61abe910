// The phases of each kind of start, pinned: the CLI and the UI show these names, the progress
// bar's percents come from these weights, and the bench prints timings by these keys.
import { describe, expect, it } from 'vitest';
import { START_ACTIONS } from './plan.ts';

const phases = (kind: keyof typeof START_ACTIONS): Array<[string, number]> =>
  START_ACTIONS[kind].map((action) => [action.name, action.weight]);

describe('START_ACTIONS', () => {
  it('a cold start runs kubeadm: init and join between nodes and add-ons', () => {
    expect(phases('cold')).toEqual([
      ['network', 1],
      ['registry', 1],
      ['nodes', 4],
      ['control plane', 10],
      ['join', 5],
      ['add-ons', 2],
      ['ready', 5],
      ['images', 2],
    ]);
  });

  it('warm and repair starts have the same phases, without kubeadm init or join', () => {
    const warm = [
      ['network', 1],
      ['registry', 1],
      ['nodes', 4],
      ['add-ons', 2],
      ['ready', 5],
      ['images', 2],
    ];
    expect(phases('warm')).toEqual(warm);
    expect(phases('repair')).toEqual(warm);
  });

  it('names each phase once per start (timings are keyed by name)', () => {
    for (const actions of Object.values(START_ACTIONS)) {
      const names = actions.map((action) => action.name);
      expect(new Set(names).size).toBe(names.length);
    }
  });
});
