// What the Home status bar says about the engine, the images and the lab, and which fixing
// action it offers first. Pure: the status bar component only renders these summaries.
import type { EngineStatus } from '../../../main/api/schemas/engine.ts';
import type { ImageStatus } from '../../../main/api/schemas/images.ts';
import type { LabStatusView } from '../../../main/api/schemas/lab.ts';

export type Tone = 'ok' | 'warn' | 'fail' | 'unknown';

export interface Summary {
  tone: Tone;
  text: string;
  /** One sentence on what to do, when something is missing. */
  fix: string | null;
}

export function engineSummary(status: EngineStatus | null): Summary {
  if (!status) return { tone: 'unknown', text: 'asking…', fix: null };
  if (!status.reachable) {
    return { tone: 'fail', text: 'not reachable', fix: status.problem?.fix ?? null };
  }
  if (status.problem) return { tone: 'fail', text: 'not usable', fix: status.problem.fix };
  return { tone: 'ok', text: `ready (${status.version ?? 'unknown version'})`, fix: null };
}

export interface ImagesSummary extends Summary {
  /** Some image is missing or stale: offer to build (or load) them. */
  needsBuild: boolean;
  /** The images a lab cannot start without are there and current. */
  labCanStart: boolean;
}

/**
 * What `lab up` refuses to start without (REQUIRED_LAB_IMAGES in main/lab/images-check.ts; a
 * test keeps the two equal). A missing workload image only limits the scenarios that use it.
 */
export const REQUIRED_FOR_LAB: readonly string[] = ['node', 'registry'];
const NAMES_SHOWN = 3;

export function imagesSummary(images: ImageStatus[] | null): ImagesSummary {
  if (!images) {
    return { tone: 'unknown', text: 'asking…', fix: null, needsBuild: false, labCanStart: false };
  }
  const missing = images.filter((i) => !i.present);
  const stale = images.filter((i) => i.present && !i.upToDate);
  const labCanStart = REQUIRED_FOR_LAB.every((name) =>
    images.some((i) => i.name === name && i.present && i.upToDate),
  );
  if (missing.length === 0 && stale.length === 0) {
    const text = `${images.length} up to date`;
    return { tone: 'ok', text, fix: null, needsBuild: false, labCanStart };
  }
  const parts = [
    missing.length ? `${missing.length} missing` : '',
    stale.length ? `${stale.length} stale` : '',
  ];
  const names = [...missing, ...stale].map((i) => i.name);
  const which = names.length <= NAMES_SHOWN ? ` (${names.join(', ')})` : '';
  return {
    tone: labCanStart ? 'warn' : 'fail',
    text: `${parts.filter(Boolean).join(', ')} of ${images.length}${which}`,
    fix: 'Build them here (about 20 min the first time), or load a workshop bundle (below).',
    needsBuild: true,
    labCanStart,
  };
}

export interface LabSummary extends Summary {
  running: number;
  total: number;
  canStart: boolean;
  canStop: boolean;
  canReset: boolean;
}

export function labSummary(status: LabStatusView | null): LabSummary {
  const base = { running: 0, total: 0, canStart: false, canStop: false, canReset: false };
  if (!status) return { ...base, tone: 'unknown', text: 'asking…', fix: null };
  if (!status.exists) {
    return { ...base, tone: 'warn', text: 'not created', fix: 'Start it.', canStart: true };
  }
  const total = status.nodes.length;
  const running = status.nodes.filter((n) => n.containerState === 'running').length;
  const ready = status.nodes.filter((n) => n.ready === true).length;
  const counts = { running, total, canStart: true, canStop: running > 0, canReset: running > 0 };
  if (running === 0) {
    return { ...counts, tone: 'warn', text: `stopped (${total} node(s))`, fix: 'Start it.' };
  }
  if (running < total || ready < total || status.problems.length) {
    return {
      ...counts,
      tone: 'warn',
      text: `${ready} of ${total} node(s) ready`,
      fix: status.problems[0] ?? 'Start it again to repair it.',
    };
  }
  return { ...counts, tone: 'ok', text: `${total} node(s) ready`, fix: null };
}
