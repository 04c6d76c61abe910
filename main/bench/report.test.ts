import { describe, expect, it } from 'vitest';
import { emptyRecord, figureEntry, ratios } from './report.ts';
import type { FigureEntry } from './report.ts';
import type { FigureKey } from './figures.ts';

const entry = (key: FigureKey, samples: number[]): FigureEntry =>
  figureEntry(key, { ...emptyRecord(), samples });

describe('bench ratios', () => {
  it('set a check against one API round trip and the CLI against Node’s own start', () => {
    const found = ratios({
      check_ms: entry('check_ms', [40, 50, 60]),
      api_round_trip_ms: entry('api_round_trip_ms', [4, 5, 6]),
      cli_start_s: entry('cli_start_s', [0.3]),
      node_start_s: entry('node_start_s', [0.05]),
    });
    expect(found.map((r) => [r.name, Number(r.value.toFixed(2))])).toEqual([
      ['check_over_api_round_trip', 10],
      ['cli_start_over_node_start', 6],
    ]);
  });

  it('leave out a ratio whose reference was not measured', () => {
    expect(ratios({ check_ms: entry('check_ms', [50]) })).toEqual([]);
  });
});
