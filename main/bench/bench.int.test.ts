// The bench's engine figures for real (no lab needed): a warm images build and verified bundle
// loads on the real engine. The lab figures are proven by `kubelab bench --runs 1` in CI.
import { describe, expect, it } from 'vitest';
import { docker } from '../engine/docker.ts';
import { erroredFigures } from './report.ts';
import { runBench } from './runner.ts';
import { formatReport } from './table.ts';

describe('kubelab bench on the real engine', () => {
  it('measures the image figures, and marks the cold build not measured without a log', async () => {
    const lines: string[] = [];
    const report = await runBench(docker(), {
      runs: 2,
      only: ['images_build_warm_s', 'images_build_cold_s', 'bundle_load_s', 'main_rss_mib'],
      labPrefix: 'bench-int',
      signal: new AbortController().signal,
      log: (line) => lines.push(line),
    });
    expect(erroredFigures(report), formatReport(report)).toEqual([]);
    const warm = report.figures.images_build_warm_s!;
    expect(warm.runs).toBe(2);
    expect(warm.min).toBeGreaterThan(0);
    expect(warm.max).toBeLessThan(60);
    const load = report.figures.bundle_load_s!;
    expect(load.samples).toHaveLength(2);
    expect(load.note).toMatch(/MiB bundle of busybox/);
    const cold = report.figures.images_build_cold_s!;
    expect(cold.runs).toBe(0);
    expect(cold.median).toBeNull();
    expect(cold.note).toMatch(/not measured/);
    expect(report.figures.main_rss_mib!.median).toBeGreaterThan(30);
    expect(report.figures.warm_start_s).toBeUndefined();
    expect(lines.some((line) => line.includes('bundle load'))).toBe(true);
  });
});
