// One operation at a time per lab, wherever it comes from: two `kubelab up` processes, or Start
// on Home plus opening a scenario in one app. The lock file holds the owner's pid and a random
// token; this process also remembers the tokens it holds, so its own pid in the file means
// "busy" when the token is one of ours and "stale" when it is not (a file left by an earlier
// process that had the same pid, as happens to pid 1 in containers). A lock whose owning process
// is gone is taken over.
import { randomUUID } from 'node:crypto';
import { mkdir, open, readFile, rm } from 'node:fs/promises';
import { join } from 'node:path';
import { LabError } from '../api/errors.ts';
import { labDir } from './config.ts';
import { processAlive } from '../process-alive.ts';

interface LockOwner {
  pid?: number;
  token?: string;
  operation?: string;
  since?: string;
}

/** Tokens of the locks this process holds now. */
const heldHere = new Set<string>();

function busy(lab: string, owner: LockOwner): LabError {
  const who = owner.pid === process.pid ? 'in this kubelab' : `pid ${owner.pid}`;
  return new LabError(
    'LAB_BUSY',
    `Lab "${lab}" is busy: \`${owner.operation}\` (${who}) has been running since ${owner.since}.`,
    { fix: 'Wait for it to finish (its progress is shown where it was started), then try again.' },
  );
}

function ownerAlive(owner: LockOwner): boolean {
  if (!owner.pid) return false;
  if (owner.pid === process.pid) return owner.token !== undefined && heldHere.has(owner.token);
  return processAlive(owner.pid);
}

export async function withLabLock<T>(
  lab: string,
  operation: string,
  work: () => Promise<T>,
): Promise<T> {
  await mkdir(labDir(lab), { recursive: true });
  const path = join(labDir(lab), 'lock');
  const token = randomUUID();
  for (let attempt = 0; ; attempt++) {
    try {
      const handle = await open(path, 'wx');
      heldHere.add(token);
      const owner: LockOwner = {
        pid: process.pid,
        token,
        operation,
        since: new Date().toISOString(),
      };
      await handle.writeFile(JSON.stringify(owner));
      await handle.close();
      break;
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== 'EEXIST') throw error;
      let owner: LockOwner = {};
      try {
        owner = JSON.parse(await readFile(path, 'utf8')) as LockOwner;
      } catch {
        // unreadable (half-written by a killed process): stale
      }
      if (ownerAlive(owner)) throw busy(lab, owner);
      if (attempt === 1) throw error;
      await rm(path, { force: true });
    }
  }
  try {
    return await work();
  } finally {
    heldHere.delete(token);
    await rm(path, { force: true });
  }
}
