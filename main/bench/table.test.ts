import { describe, expect, it } from 'vitest';
import { buildReport, emptyRecord } from './report.ts';
import type { FigureRecord } from './report.ts';
import type { MachineInfo } from './machine.ts';
import { figureTable, formatReport, formatValue, phaseTable } from './table.ts';

const machine: MachineInfo = {
  cpus: 2,
  cpuModel: 'Test CPU',
  memoryGiB: 24,
  freeMemoryGiB: 20,
  kernel: '6.1.0',
  node: 'v20.19.0',
  docker: '20.10.24',
  cgroupVersion: '1',
  storageDriver: 'overlay2',
  loadAverage: 1.5,
};

function record(samples: number[], extra: Partial<FigureRecord> = {}): FigureRecord {
  return { ...emptyRecord(), samples, ...extra };
}

function report(
  records: Parameters<typeof buildReport>[0]['records'],
): ReturnType<typeof buildReport> {
  return buildReport({
    records,
    machine,
    options: { runs: 3, only: [], labPrefix: 'bench' },
    started: new Date('2026-11-30T10:00:00Z'),
    finished: new Date('2026-11-30T10:05:30Z'),
  });
}

describe('bench table', () => {
  it('formats each unit with the precision that matters for it', () => {
    expect(formatValue(31.24, 's')).toBe('31.2 s');
    expect(formatValue(0.456, 's')).toBe('0.46 s');
    expect(formatValue(212.4, 'ms')).toBe('212 ms');
    expect(formatValue(4.44, 'ms')).toBe('4.4 ms');
    expect(formatValue(1530.6, 'MiB')).toBe('1531 MiB');
    expect(formatValue(12.34, 'MiB/s')).toBe('12.3 MiB/s');
    expect(formatValue(null, 's')).toBe('–');
  });

  it('prints min, median, max, runs and the target verdict per figure', () => {
    const lines = figureTable(
      report({ warm_start_s: record([31, 29, 35]), check_ms: record([120, 80, 100, 90]) }),
    );
    expect(lines[0]).toBe('| figure | min | median | max | runs | target |  |');
    expect(lines[2]).toBe(
      '| warm start, 3 stopped nodes → Ready + DNS (`warm_start_s`) | 29.0 s | 31.0 s | 35.0 s | 3 | ≤ 12 s | ✗ |',
    );
    expect(lines[3]).toBe(
      '| check of one step (`check_ms`) | 80 ms | 95 ms | 120 ms | 4 | ≤ 100 ms | ✓ |',
    );
  });

  it('marks figures that errored or were not measured instead of inventing numbers', () => {
    const text = formatReport(
      report({
        echo_ms: record([], { error: 'the shell never printed a prompt\nafter 10 s' }),
        images_build_cold_s: record([], { notes: ['no build log was given (--build-log FILE)'] }),
      }),
    );
    expect(text).toContain(
      '| keystroke echo (WebSocket → pty → node shell → back) (`echo_ms`) | – | – | – | 0 | ≤ 20 ms | error |',
    );
    expect(text).toContain('| 0 | ≤ 900 s | not measured |');
    expect(text).toContain('- `echo_ms` error: the shell never printed a prompt after 10 s');
    expect(text).toContain('- `images_build_cold_s`: no build log was given (--build-log FILE)');
  });

  it('breaks starts down by phase and names ratios and the slowest phase', () => {
    const r = report({
      warm_start_s: record([30], {
        starts: [
          { phases: { network: 0.1, registry: 2, nodes: 8, 'add-ons': 5, ready: 15 }, said: {} },
        ],
      }),
      cold_start_3node_s: record([90], {
        starts: [
          {
            phases: {
              network: 0.2,
              registry: 3,
              nodes: 10,
              'control plane': 40,
              join: 20,
              ready: 16,
            },
            said: {},
          },
        ],
      }),
    });
    expect(phaseTable(r)).toEqual([
      '| phase (median) | `warm_start_s` | `cold_start_3node_s` |',
      '| --- | --- | --- |',
      '| network | 0.10 s | 0.20 s |',
      '| registry | 2.0 s | 3.0 s |',
      '| nodes | 8.0 s | 10.0 s |',
      '| control plane | – | 40.0 s |',
      '| join | – | 20.0 s |',
      '| add-ons | 5.0 s | – |',
      '| ready | 15.0 s | 16.0 s |',
    ]);
    const text = formatReport(r);
    expect(text).toContain(
      '- ratio 3.0×: a warm start of 3 stopped nodes vs a kubeadm cold start of 3 nodes',
    );
    expect(text).toContain(
      '- slowest phase: "control plane" of `cold_start_3node_s`, 40.0 s (45 % of its start)',
    );
    expect(text.split('\n')[0]).toBe(
      'kubelab bench — 2026-11-30 10:00 UTC, 2 × Test CPU, 24 GiB, Docker 20.10.24 (cgroup 1), Node v20.19.0; load 1.5; runs 3; took 330 s',
    );
  });

  it('names a start that took far longer than the median, with the phase that grew', () => {
    const warm = (addons: number): Record<string, number> => ({
      nodes: 2.5,
      'add-ons': addons,
      ready: 3,
    });
    const text = formatReport(
      report({
        warm_start_s: record([11, 24.5, 10.5], {
          starts: [
            { phases: warm(5.5), said: {} },
            { phases: warm(19), said: { 'add-ons': 'the API server answers' } },
            { phases: warm(5), said: {} },
          ],
        }),
      }),
    );
    expect(text).toContain(
      '- outlier: start 2 of `warm_start_s` took 24.5 s (median 11.0 s); its "add-ons" phase 19.0 s (median 5.5 s), its last word: "the API server answers"',
    );
  });
});
