// One operation at a time per lab: two `kubelab up` on the same lab get a clear message, not a
// mess. The lock file holds the owner's pid; a lock whose owner is gone is taken over.
import { mkdir, open, readFile, rm } from 'node:fs/promises';
import { join } from 'node:path';
import { LabError } from '../api/errors.ts';
import { labDir } from './config.ts';
import { processAlive } from '../process-alive.ts';

export async function withLabLock<T>(
  lab: string,
  operation: string,
  work: () => Promise<T>,
): Promise<T> {
  await mkdir(labDir(lab), { recursive: true });
  const path = join(labDir(lab), 'lock');
  for (let attempt = 0; attempt < 2; attempt++) {
    try {
      const handle = await open(path, 'wx');
      await handle.writeFile(
        JSON.stringify({ pid: process.pid, operation, since: new Date().toISOString() }),
      );
      await handle.close();
      break;
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== 'EEXIST') throw error;
      let owner: { pid?: number; operation?: string; since?: string } = {};
      try {
        owner = JSON.parse(await readFile(path, 'utf8')) as typeof owner;
      } catch {
        // unreadable lock: treat as stale
      }
      if (owner.pid && owner.pid !== process.pid && processAlive(owner.pid)) {
        throw new LabError(
          'LAB_BUSY',
          `Lab "${lab}" is busy: \`${owner.operation}\` (pid ${owner.pid}) has been running since ${owner.since}.`,
          {
            fix: 'Wait for it to finish, or stop that process and run the command again.',
          },
        );
      }
      await rm(path, { force: true });
      if (attempt === 1) throw error;
    }
  }
  try {
    return await work();
  } finally {
    await rm(path, { force: true });
  }
}
