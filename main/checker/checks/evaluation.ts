// What every check module returns: the verdict and the learner's command to see the same thing.
import type { Verdict } from '../result.ts';

export interface Evaluation extends Verdict {
  command: string;
  /** A node's name when `command` must run in that node's terminal. */
  runIn: string | null;
}

/** The namespace text for messages: `` for default, ` in namespace x` otherwise. */
export function inNamespace(namespace: string | undefined): string {
  return namespace && namespace !== 'default' ? ` in namespace ${namespace}` : '';
}

/** Whether kubectl would show the object as Terminating. */
export function isTerminating(object: Record<string, unknown>): boolean {
  const metadata = object.metadata as { deletionTimestamp?: string } | undefined;
  return typeof metadata?.deletionTimestamp === 'string';
}

export function objectName(object: Record<string, unknown>): string {
  return (object.metadata as { name?: string } | undefined)?.name ?? '?';
}
