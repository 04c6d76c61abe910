import { describe, expect, it } from 'vitest';
import { FIGURE_KEYS, FIGURES, meetsTarget, parseOnly } from './figures.ts';
import { benchLabs, checkRuns } from './runner.ts';

describe('bench figures and options', () => {
  it('names every figure of the issue, each with its spec', () => {
    for (const key of FIGURE_KEYS) expect(FIGURES[key].key).toBe(key);
    expect(FIGURES.warm_start_s.target).toEqual({ kind: 'at-most', value: 12 });
    expect(FIGURES.check_ms.target).toEqual({ kind: 'at-most', value: 100 });
    expect(FIGURES.cli_start_s.target).toEqual({ kind: 'at-most', value: 0.3 });
    expect(FIGURES.node_start_s.target).toBeNull();
    expect(FIGURES.lab_memory_mib.target).toEqual({ kind: 'at-most', value: 2048 });
    expect(FIGURES.echo_throughput_mib_s.target).toBeNull();
  });

  it('judges a median against its target both ways, and not without one', () => {
    expect(meetsTarget({ kind: 'at-most', value: 15 }, 15)).toBe(true);
    expect(meetsTarget({ kind: 'at-most', value: 15 }, 15.1)).toBe(false);
    expect(meetsTarget({ kind: 'at-least', value: 10 }, 9)).toBe(false);
    expect(meetsTarget(null, 3)).toBeNull();
    expect(meetsTarget({ kind: 'at-most', value: 15 }, null)).toBeNull();
  });

  it('takes --only in the report order and refuses unknown or empty lists', () => {
    expect(parseOnly(undefined)).toEqual([...FIGURE_KEYS]);
    expect(parseOnly('reset_s, warm_start_s')).toEqual(['warm_start_s', 'reset_s']);
    expect(() => parseOnly('warm_start_s,warm')).toThrow(/unknown: warm/);
    expect(() => parseOnly(',')).toThrow(/none given/);
  });

  it('derives its three lab names from the prefix and refuses a prefix too long for them', () => {
    expect(benchLabs('bench')).toEqual({
      main: 'bench',
      cold1: 'bench-cold1',
      cold3: 'bench-cold3',
    });
    expect(() => benchLabs('x'.repeat(27))).toThrow(/not valid/);
    expect(() => benchLabs('Bench')).toThrow(/not valid/);
  });

  it('accepts 1 to 20 whole runs', () => {
    expect(checkRuns(1)).toBe(1);
    for (const bad of [0, 21, 1.5, Number.NaN]) expect(() => checkRuns(bad)).toThrow(/--runs/);
  });
});
