// The operations running now, kept from two sources that can arrive in any order: the one
// operations:list asked when the store starts, and the progress events pushed since. Pure.
import type { Progress } from '../../../main/api/schemas/events.ts';

/** The list after one progress event: updated in place, added at the end, or gone once ended. */
export function applyProgress(running: readonly Progress[], progress: Progress): Progress[] {
  const others = running.filter((p) => p.operationId !== progress.operationId);
  if (progress.state !== 'running') return others;
  const at = running.findIndex((p) => p.operationId === progress.operationId);
  return at < 0 ? [...running, progress] : running.map((p, i) => (i === at ? progress : p));
}

/**
 * Adds what operations:list said was running, ahead of what events brought (those are newer),
 * leaving out operations an event has already ended or brought fresher news of.
 */
export function mergeListed(
  running: readonly Progress[],
  listed: readonly Progress[],
  ended: ReadonlySet<string>,
): Progress[] {
  const known = new Set(running.map((p) => p.operationId));
  const caughtUp = listed.filter(
    (p) => p.state === 'running' && !ended.has(p.operationId) && !known.has(p.operationId),
  );
  return [...caughtUp, ...running];
}
