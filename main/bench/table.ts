// The bench report as Markdown tables: readable in a terminal and pasted as-is into the README.
// Pure (no colour), so the README shows exactly what the bench printed.
import type { FigureKey } from './figures.ts';
import type { BenchReport, FigureEntry } from './report.ts';

export function formatValue(value: number | null, unit: string): string {
  if (value === null) return '–';
  const digits =
    unit === 'ms' ? (value < 10 ? 1 : 0) : unit === 'MiB' ? 0 : unit === 's' && value < 1 ? 2 : 1;
  return `${value.toFixed(digits)} ${unit}`;
}

function verdict(entry: FigureEntry): string {
  if (entry.error !== null) return 'error';
  if (entry.runs === 0) return 'not measured';
  return entry.met === null ? '' : entry.met ? '✓' : '✗';
}

function row(cells: string[]): string {
  return `| ${cells.map((cell) => cell.replace(/\|/g, '\\|')).join(' | ')} |`;
}

function table(head: string[], rows: string[][]): string[] {
  return [row(head), row(head.map(() => '---')), ...rows.map(row)];
}

/** One line that says what went wrong, short enough for a table cell's neighbour. */
function oneLine(text: string, max = 200): string {
  const line = text.replace(/\s+/g, ' ').trim();
  return line.length > max ? `${line.slice(0, max - 1)}…` : line;
}

export function figureTable(report: BenchReport): string[] {
  const rows = (Object.entries(report.figures) as [FigureKey, FigureEntry][]).map(
    ([key, entry]) => [
      `${entry.label} (\`${key}\`)`,
      formatValue(entry.min, entry.unit),
      formatValue(entry.median, entry.unit),
      formatValue(entry.max, entry.unit),
      String(entry.runs),
      entry.target ?? '–',
      verdict(entry),
    ],
  );
  return table(['figure', 'min', 'median', 'max', 'runs', 'target', ''], rows);
}

/**
 * The order `kubelab up` runs its phases in (a warm start skips control plane and join), after
 * its untimed pre-flight (measured by the bench as the rest of the wall-clock time).
 */
const PHASE_ORDER = [
  'pre-flight',
  'network',
  'registry',
  'nodes',
  'control plane',
  'join',
  'add-ons',
  'ready',
  'images',
];
const phaseRank = (name: string): number => {
  const rank = PHASE_ORDER.indexOf(name);
  return rank === -1 ? PHASE_ORDER.length : rank;
};

/** Median seconds per `kubelab up` phase, one column per start figure. */
export function phaseTable(report: BenchReport): string[] {
  const columns = Object.keys(report.phases) as FigureKey[];
  if (!columns.length) return [];
  const names: string[] = [];
  for (const key of columns)
    for (const phase of Object.keys(report.phases[key]!))
      if (!names.includes(phase)) names.push(phase);
  names.sort((a, b) => phaseRank(a) - phaseRank(b));
  const rows = names.map((phase) => [
    phase,
    ...columns.map((key) => {
      const seconds = report.phases[key]![phase];
      return seconds === undefined ? '–' : formatValue(seconds, 's');
    }),
  ]);
  return table(['phase (median)', ...columns.map((key) => `\`${key}\``)], rows);
}

export function formatReport(report: BenchReport): string {
  const m = report.machine;
  const lines = [
    `kubelab bench — ${report.date.slice(0, 16).replace('T', ' ')} UTC, ${m.cpus} × ${m.cpuModel}, ${m.memoryGiB} GiB, Docker ${m.docker ?? '?'} (cgroup ${m.cgroupVersion ?? '?'}), Node ${m.node}; load ${m.loadAverage}; runs ${report.options.runs}; took ${Math.round(report.durationSeconds)} s`,
    '',
    ...figureTable(report),
  ];
  const phases = phaseTable(report);
  if (phases.length) lines.push('', ...phases);
  if (report.ratios.length) {
    lines.push('');
    for (const ratio of report.ratios)
      lines.push(`- ratio ${ratio.value.toFixed(1)}×: ${ratio.description}`);
  }
  if (report.slowestPhase) {
    const s = report.slowestPhase;
    lines.push(
      `- slowest phase: "${s.phase}" of \`${s.figure}\`, ${formatValue(s.seconds, 's')} (${Math.round(s.share * 100)} % of its start)`,
    );
  }
  for (const o of report.outliers) {
    lines.push(
      `- outlier: start ${o.run} of \`${o.figure}\` took ${formatValue(o.seconds, 's')} (median ${formatValue(o.medianSeconds, 's')}); its "${o.phase}" phase ${formatValue(o.phaseSeconds, 's')} (median ${formatValue(o.phaseMedian, 's')})${o.said ? `, its last word: "${o.said}"` : ''}`,
    );
  }
  const notes = (Object.entries(report.figures) as [FigureKey, FigureEntry][]).filter(
    ([, entry]) => entry.note !== null || entry.error !== null,
  );
  if (notes.length) lines.push('');
  for (const [key, entry] of notes) {
    if (entry.error !== null) lines.push(`- \`${key}\` error: ${oneLine(entry.error)}`);
    if (entry.note !== null) lines.push(`- \`${key}\`: ${entry.note}`);
  }
  return lines.join('\n');
}
