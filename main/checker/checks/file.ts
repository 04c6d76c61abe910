// `file`: a path on a node exists (and a file there contains a text), or does not exist.
import type { FileCheck } from '../../scenarios/schema.ts';
import type { LabContext } from '../lab-io.ts';
import { execOnNode } from '../lab-io.ts';
import type { Verdict } from '../result.ts';
import { shellQuote } from '../text.ts';
import type { Evaluation } from './evaluation.ts';
import { excerpt } from './exec.ts';

/** Runs as `sh -c SCRIPT sh PATH`: the kind of path, then (for a file) its first 1 MiB. */
export const FILE_PROBE_SCRIPT = `if [ -d "$1" ]; then echo dir
elif [ -f "$1" ]; then echo file; head -c 1048576 "$1"
elif [ -e "$1" ] || [ -L "$1" ]; then echo other
else echo missing; fi
`;

export type FileObservation =
  { kind: 'missing' | 'dir' | 'other' } | { kind: 'file'; content: string };

export function parseFileProbe(stdout: string): FileObservation {
  const newline = stdout.indexOf('\n');
  const head = (newline === -1 ? stdout : stdout.slice(0, newline)).trim();
  if (head === 'file')
    return { kind: 'file', content: newline === -1 ? '' : stdout.slice(newline + 1) };
  if (head === 'dir' || head === 'other') return { kind: head };
  return { kind: 'missing' };
}

export function judgeFile(check: FileCheck, seen: FileObservation): Verdict {
  const where = `${check.path} on ${check.node}`;
  const expected = check.absent
    ? `${where} does not exist`
    : check.contains !== undefined
      ? `${where} is a file containing "${check.contains}"`
      : `${where} exists`;
  if (seen.kind === 'missing')
    return { passed: check.absent === true, expected, found: `${where} does not exist` };
  if (check.absent) {
    return {
      passed: false,
      expected,
      found: `${where} exists (${seen.kind === 'dir' ? 'a folder' : 'a file'})`,
    };
  }
  if (check.contains === undefined) {
    return {
      passed: true,
      expected,
      found: `${where} exists${seen.kind === 'dir' ? ' (a folder)' : ''}`,
    };
  }
  if (seen.kind !== 'file')
    return {
      passed: false,
      expected,
      found: `${where} is a ${seen.kind === 'dir' ? 'folder' : 'special file'}, not a file`,
    };
  const at = seen.content.indexOf(check.contains);
  const text = seen.content.trim() ? `its text: ${excerpt(seen.content, at)}` : 'it is empty';
  return { passed: at !== -1, expected, found: text };
}

export function fileCommand(check: FileCheck): string {
  const path = shellQuote(check.path);
  return check.contains !== undefined ? `cat ${path}` : `ls -ld ${path}`;
}

export function describeFile(check: FileCheck): string {
  if (check.absent) return `${check.path} on ${check.node} is gone.`;
  return check.contains !== undefined
    ? `${check.path} on ${check.node} contains "${check.contains}".`
    : `${check.path} exists on ${check.node}.`;
}

export async function evaluateFile(ctx: LabContext, check: FileCheck): Promise<Evaluation> {
  const result = await execOnNode(ctx, check.node, FILE_PROBE_SCRIPT, [check.path]);
  return {
    ...judgeFile(check, parseFileProbe(result.stdout)),
    command: fileCommand(check),
    runIn: check.node,
  };
}
