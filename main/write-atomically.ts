// A file of kubelab's own written whole or not at all: written beside its place and renamed over
// it, so a reader never sees half of it and a failed write leaves the old file as it was; a full
// disk or a read-only folder is said as writeError says it.
import { mkdir, rename, rm, writeFile } from 'node:fs/promises';
import { dirname } from 'node:path';
import { writeError } from './write-error.ts';

/** `what` names the file for the learner ("the pull-through setting"). */
export async function writeFileAtomically(file: string, text: string, what: string): Promise<void> {
  const tmp = `${file}.tmp-${process.pid}`;
  try {
    await mkdir(dirname(file), { recursive: true });
    await writeFile(tmp, text);
    await rename(tmp, file);
  } catch (error) {
    await rm(tmp, { force: true });
    throw writeError(error, what, file);
  }
}
