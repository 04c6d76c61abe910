// Where a scenario's file lands: the one reading of a `files:` entry, shared by the loader's
// checks, lint and the checker that copies it.
import type { NodeName } from './nodes.ts';
import type { StepFile } from './schema.ts';

/** The learner's home on every node (a host folder bind-mounted there). */
export const LEARNER_HOME = '/home/learner';

export interface Placement {
  /** Path of the file inside the scenario folder. */
  source: string;
  /** Absolute path on the node. */
  path: string;
  /** The one node it goes to, or null for every node of the lab. */
  node: NodeName | null;
  /** Octal mode to set after writing, e.g. "0755"; null keeps the default (0644). */
  mode: string | null;
}

function baseName(path: string): string {
  return path.slice(path.lastIndexOf('/') + 1);
}

/** The placement a `files:` entry asks for. */
export function placementOf(file: StepFile): Placement {
  if (typeof file === 'string') {
    return { source: file, path: `${LEARNER_HOME}/${baseName(file)}`, node: null, mode: null };
  }
  let to = file.to ?? `~/${baseName(file.source)}`;
  if (to.startsWith('~/')) to = `${LEARNER_HOME}/${to.slice(2)}`;
  if (to.endsWith('/')) to = `${to}${baseName(file.source)}`;
  return { source: file.source, path: to, node: file.node ?? null, mode: file.mode ?? null };
}

/** The path relative to the learner home when the file goes there (the cheap host-side path). */
export function inLearnerHome(placement: Placement): string | null {
  const prefix = `${LEARNER_HOME}/`;
  return placement.path.startsWith(prefix) ? placement.path.slice(prefix.length) : null;
}

/** Whether two placements can write the same file on some node. */
export function samePlace(a: Placement, b: Placement): boolean {
  return a.path === b.path && (a.node === null || b.node === null || a.node === b.node);
}
