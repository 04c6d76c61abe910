// The bench's result as data: what every measurement recorded, summarised per figure, with the
// ratios against the alternative a learner would otherwise use and the slowest start phase.
// Pure, so the JSON file and the printed table come from the same object.
import { FIGURE_KEYS, FIGURES, meetsTarget } from './figures.ts';
import type { FigureKey, Target } from './figures.ts';
import type { MachineInfo } from './machine.ts';
import { findOutliers } from './outliers.ts';
import type { Outlier } from './outliers.ts';
import { medianByKey, summarize } from './stats.ts';

/** One lab start as its phases told it: seconds per phase, and each phase's last progress line. */
export interface StartProfile {
  phases: Record<string, number>;
  /** "ready after nodes 0.1 s, CoreDNS 2.6 s": what the phase waited on. */
  said: Record<string, string>;
}

/** What the measurements of one figure left behind while the bench ran. */
export interface FigureRecord {
  samples: number[];
  /** How it was measured, or why it was not (shown in the table and the JSON). */
  notes: string[];
  /** Set when measuring failed: the figure is then reported as errored, the bench exits 1. */
  error: string | null;
  /** Each start's phases, for the per-phase breakdown and the outliers. */
  starts: StartProfile[];
}

export interface FigureEntry {
  min: number | null;
  median: number | null;
  max: number | null;
  runs: number;
  unit: string;
  label: string;
  target: string | null;
  /** Whether the median meets the target (null: no target, or not measured). */
  met: boolean | null;
  samples: number[];
  note: string | null;
  error: string | null;
}

export interface Ratio {
  name: string;
  description: string;
  value: number;
}

export interface SlowestPhase {
  figure: FigureKey;
  phase: string;
  seconds: number;
  /** Its share of the sum of that breakdown (the start it belongs to). */
  share: number;
}

export interface BenchReport {
  format: 'kubelab-bench/1';
  date: string;
  durationSeconds: number;
  machine: MachineInfo;
  options: { runs: number; only: FigureKey[]; labPrefix: string };
  figures: Partial<Record<FigureKey, FigureEntry>>;
  /** Median seconds per `kubelab up` phase, for each start figure. */
  phases: Partial<Record<FigureKey, Record<string, number>>>;
  /** Each start figure's `kubelab up` phases, start by start (the outliers are read from them). */
  starts: Partial<Record<FigureKey, StartProfile[]>>;
  ratios: Ratio[];
  slowestPhase: SlowestPhase | null;
  outliers: Outlier[];
}

export function emptyRecord(): FigureRecord {
  return { samples: [], notes: [], error: null, starts: [] };
}

export function targetText(target: Target | null, unit: string): string | null {
  if (!target) return null;
  return `${target.kind === 'at-most' ? '≤' : '≥'} ${target.value} ${unit}`;
}

export function figureEntry(key: FigureKey, record: FigureRecord): FigureEntry {
  const spec = FIGURES[key];
  const summary = record.samples.length ? summarize(record.samples) : null;
  return {
    min: summary?.min ?? null,
    median: summary?.median ?? null,
    max: summary?.max ?? null,
    runs: summary?.runs ?? 0,
    unit: spec.unit,
    label: spec.label,
    target: targetText(spec.target, spec.unit),
    met: meetsTarget(spec.target, summary?.median ?? null),
    samples: record.samples,
    note: record.notes.length ? record.notes.join('; ') : null,
    error: record.error,
  };
}

/** Ratios that hold across machines: one figure's median over another's. */
const RATIOS: ReadonlyArray<{
  name: string;
  description: string;
  over: FigureKey;
  under: FigureKey;
}> = [
  {
    name: 'cold_3node_over_warm',
    description: 'a warm start of 3 stopped nodes vs a kubeadm cold start of 3 nodes',
    over: 'cold_start_3node_s',
    under: 'warm_start_s',
  },
  {
    name: 'cold_3node_over_cold_1node',
    description: 'what two joining workers add to a cold start',
    over: 'cold_start_3node_s',
    under: 'cold_start_1node_s',
  },
  {
    name: 'check_over_api_round_trip',
    description: "a step's check vs one API round trip",
    over: 'check_ms',
    under: 'api_round_trip_ms',
  },
  {
    name: 'cli_start_over_node_start',
    description: 'the CLI start vs `node -e 0`',
    over: 'cli_start_s',
    under: 'node_start_s',
  },
];

export function ratios(figures: Partial<Record<FigureKey, FigureEntry>>): Ratio[] {
  return RATIOS.flatMap(({ name, description, over, under }) => {
    const top = figures[over]?.median;
    const bottom = figures[under]?.median;
    return top && bottom ? [{ name, description, value: top / bottom }] : [];
  });
}

/**
 * The phase that takes longest in any start figure's median breakdown, with its share of that
 * breakdown's sum (the start it belongs to: `first_lab_push_s` is a difference of two starts, so
 * its own median is no denominator).
 */
export function slowestPhase(
  phases: Partial<Record<FigureKey, Record<string, number>>>,
): SlowestPhase | null {
  let slowest: SlowestPhase | null = null;
  for (const [key, byPhase] of Object.entries(phases) as [FigureKey, Record<string, number>][]) {
    const total = Object.values(byPhase).reduce((sum, seconds) => sum + seconds, 0);
    for (const [phase, seconds] of Object.entries(byPhase)) {
      if (!slowest || seconds > slowest.seconds) {
        slowest = { figure: key, phase, seconds, share: total ? seconds / total : 0 };
      }
    }
  }
  return slowest;
}

export function buildReport(input: {
  records: Partial<Record<FigureKey, FigureRecord>>;
  machine: MachineInfo;
  options: BenchReport['options'];
  started: Date;
  finished: Date;
}): BenchReport {
  const figures: Partial<Record<FigureKey, FigureEntry>> = {};
  const phases: Partial<Record<FigureKey, Record<string, number>>> = {};
  const starts: Partial<Record<FigureKey, StartProfile[]>> = {};
  for (const key of FIGURE_KEYS) {
    const record = input.records[key];
    if (!record) continue;
    figures[key] = figureEntry(key, record);
    if (record.starts.length) {
      phases[key] = medianByKey(record.starts.map((start) => start.phases));
      starts[key] = record.starts;
    }
  }
  return {
    format: 'kubelab-bench/1',
    date: input.started.toISOString(),
    durationSeconds: (input.finished.getTime() - input.started.getTime()) / 1000,
    machine: input.machine,
    options: input.options,
    figures,
    phases,
    starts,
    ratios: ratios(figures),
    slowestPhase: slowestPhase(phases),
    outliers: findOutliers(starts, phases),
  };
}

export function erroredFigures(report: BenchReport): FigureKey[] {
  return (Object.entries(report.figures) as [FigureKey, FigureEntry][])
    .filter(([, entry]) => entry.error !== null)
    .map(([key]) => key);
}
