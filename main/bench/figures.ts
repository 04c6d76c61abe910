// The figures `kubelab bench` reports, their units and the targets issue "Instant lab" holds them
// to (a reference figure, the floor a ratio is taken against, has none).
// Targets are reported (✓/✗), never enforced: a missed target is a finding, not a failure.
import { LabError } from '../api/errors.ts';

export const FIGURE_KEYS = [
  'resume_s',
  'warm_start_s',
  'cold_start_1node_s',
  'cold_start_3node_s',
  'first_lab_push_s',
  'registry_fill_s',
  'reset_s',
  'check_ms',
  'api_round_trip_ms',
  'topology_change_ms',
  'check_command_s',
  'cli_start_s',
  'node_start_s',
  'echo_ms',
  'echo_throughput_mib_s',
  'lab_memory_mib',
  'main_rss_mib',
  'images_build_warm_s',
  'images_build_cold_s',
  'bundle_load_s',
  'node_image_mib',
  'node_disk_mib',
] as const;
export type FigureKey = (typeof FIGURE_KEYS)[number];

export interface Target {
  /** Which way is good: at most (`max`) or at least (`min`) the value. */
  kind: 'at-most' | 'at-least';
  value: number;
}

export interface FigureSpec {
  key: FigureKey;
  /** What the learner feels, in a few words (the table's first column). */
  label: string;
  unit: 's' | 'ms' | 'MiB' | 'MiB/s';
  /** Judged on the median of the samples. */
  target: Target | null;
}

const atMost = (value: number): Target => ({ kind: 'at-most', value });

export const FIGURES: Record<FigureKey, FigureSpec> = {
  resume_s: {
    key: 'resume_s',
    label: 'resume, 3 suspended nodes → Ready + DNS',
    unit: 's',
    target: atMost(5),
  },
  warm_start_s: {
    key: 'warm_start_s',
    label: 'warm start, 3 stopped nodes → Ready + DNS',
    unit: 's',
    target: atMost(12),
  },
  cold_start_1node_s: {
    key: 'cold_start_1node_s',
    label: 'cold start, 1 node (kubeadm init)',
    unit: 's',
    target: atMost(20),
  },
  cold_start_3node_s: {
    key: 'cold_start_3node_s',
    label: 'cold start, 3 nodes (kubeadm init + join)',
    unit: 's',
    target: atMost(30),
  },
  first_lab_push_s: {
    key: 'first_lab_push_s',
    label: 'first lab on a machine (after `images build`): what it adds to a cold 3-node start',
    unit: 's',
    target: atMost(10),
  },
  registry_fill_s: {
    key: 'registry_fill_s',
    label: 'workload images into an empty lab registry (last step of `images build`)',
    unit: 's',
    target: null,
  },
  reset_s: {
    key: 'reset_s',
    label: 'reset after a finished scenario',
    unit: 's',
    target: atMost(5),
  },
  check_ms: { key: 'check_ms', label: 'check of one step', unit: 'ms', target: atMost(100) },
  api_round_trip_ms: {
    key: 'api_round_trip_ms',
    label: 'one API round trip (reference)',
    unit: 'ms',
    target: null,
  },
  topology_change_ms: {
    key: 'topology_change_ms',
    label: 'topology shows a change (kubectl returns → pane answered)',
    unit: 'ms',
    target: atMost(1000),
  },
  check_command_s: {
    key: 'check_command_s',
    label: 'check of one step as a command (`kubelab check`)',
    unit: 's',
    target: atMost(0.6),
  },
  cli_start_s: {
    key: 'cli_start_s',
    label: 'CLI start (`kubelab version`)',
    unit: 's',
    target: atMost(0.3),
  },
  node_start_s: {
    key: 'node_start_s',
    label: 'Node start, `node -e 0` (reference)',
    unit: 's',
    target: null,
  },
  echo_ms: {
    key: 'echo_ms',
    label: 'keystroke echo (WebSocket → pty → node shell → back)',
    unit: 'ms',
    target: atMost(20),
  },
  echo_throughput_mib_s: {
    key: 'echo_throughput_mib_s',
    label: 'terminal output burst throughput',
    unit: 'MiB/s',
    target: null,
  },
  lab_memory_mib: {
    key: 'lab_memory_mib',
    label: 'memory of a 3-node lab (all its containers)',
    unit: 'MiB',
    target: atMost(2048),
  },
  main_rss_mib: {
    key: 'main_rss_mib',
    label: 'main process RSS (the bench process as stand-in)',
    unit: 'MiB',
    target: null,
  },
  images_build_warm_s: {
    key: 'images_build_warm_s',
    label: 'images build, warm (nothing to do)',
    unit: 's',
    target: null,
  },
  images_build_cold_s: {
    key: 'images_build_cold_s',
    label: 'images build, cold (from the build log)',
    unit: 's',
    target: atMost(900),
  },
  bundle_load_s: {
    key: 'bundle_load_s',
    label: 'bundle load (busybox image, verified)',
    unit: 's',
    target: null,
  },
  node_image_mib: {
    key: 'node_image_mib',
    label: 'node image',
    unit: 'MiB',
    target: atMost(1024),
  },
  node_disk_mib: {
    key: 'node_disk_mib',
    label: 'disk each node adds (its /var volume + writable layer, fresh lab)',
    unit: 'MiB',
    target: atMost(400),
  },
};

/** Whether a median meets its target; null when there is no target or no median. */
export function meetsTarget(target: Target | null, value: number | null): boolean | null {
  if (target === null || value === null) return null;
  return target.kind === 'at-most' ? value <= target.value : value >= target.value;
}

/** The `--only` list, checked against the figure names (a typo is an error, not a no-op). */
export function parseOnly(text: string | undefined): FigureKey[] {
  if (text === undefined) return [...FIGURE_KEYS];
  const names = text
    .split(',')
    .map((name) => name.trim())
    .filter(Boolean);
  const unknown = names.filter((name) => !(FIGURE_KEYS as readonly string[]).includes(name));
  if (unknown.length || !names.length) {
    throw new LabError(
      'BAD_ARGUMENT',
      `--only takes figure names separated by commas; ${unknown.length ? `unknown: ${unknown.join(', ')}` : 'none given'}.`,
      { fix: `Pick from: ${FIGURE_KEYS.join(', ')}.` },
    );
  }
  return FIGURE_KEYS.filter((key) => names.includes(key));
}
