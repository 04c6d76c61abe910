// Long operations are told apart by kind ('images.build', 'lab.up', 'bundles.load' …); stores
// and panels follow them by the prefix of their domain.
import type { Progress } from '../../../main/api/schemas/events.ts';

export function isKindOf(progress: Progress, prefix: string): boolean {
  return progress.kind.startsWith(prefix);
}

/** The operation ended (done, failed or cancelled): what it changes is worth reading again. */
export function endsOperationOf(progress: Progress, prefixes: readonly string[]): boolean {
  return progress.state !== 'running' && prefixes.some((prefix) => isKindOf(progress, prefix));
}
