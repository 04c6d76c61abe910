// The node-mode probe's answer, kept on disk between commands. The probe creates and removes two
// throw-away containers (≈ 0.25 s on 2 cores), and every `kubelab up` asked it again from a new
// process. The answer depends on how the engine is set up, so it is kept under a fingerprint of
// the engine's identity and security settings (a changed engine, kernel, runtime, rootless or
// userns-remap mode probes again), and for a day at most, which bounds any change the
// fingerprint cannot see. Only a working mode is kept: an engine where neither works is probed
// again once the learner has changed it. `kubelab doctor` always probes afresh.
import { mkdir, readFile, rename, rm, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { z } from 'zod';
import { kubelabHome } from '../paths.ts';

const MemoSchema = z.object({
  fingerprint: z.string(),
  mode: z.enum(['privileged', 'explicit-capabilities']),
  probedAt: z.number(),
});

export type NodeModeMemo = z.infer<typeof MemoSchema>;

const MAX_AGE_MS = 24 * 3600_000;

/** What of `docker info` decides whether a mode works. */
export interface EngineIdentity {
  ID?: string;
  ServerVersion?: string;
  KernelVersion?: string;
  SecurityOptions?: string[];
  DefaultRuntime?: string;
  CgroupVersion?: string;
}

export function engineFingerprint(info: EngineIdentity): string {
  return JSON.stringify([
    info.ID ?? '',
    info.ServerVersion ?? '',
    info.KernelVersion ?? '',
    [...(info.SecurityOptions ?? [])].sort(),
    info.DefaultRuntime ?? '',
    info.CgroupVersion ?? '',
  ]);
}

function memoFile(): string {
  return join(kubelabHome(), 'engine-node-mode.json');
}

/** The remembered mode for this fingerprint, or undefined: probe. */
export function memoFor(
  memo: NodeModeMemo | null,
  fingerprint: string,
  now: number,
): NodeModeMemo['mode'] | undefined {
  if (!memo || memo.fingerprint !== fingerprint) return undefined;
  if (now - memo.probedAt > MAX_AGE_MS || memo.probedAt > now) return undefined;
  return memo.mode;
}

export async function readNodeModeMemo(): Promise<NodeModeMemo | null> {
  try {
    const parsed = MemoSchema.safeParse(JSON.parse(await readFile(memoFile(), 'utf8')));
    return parsed.success ? parsed.data : null;
  } catch {
    return null; // none yet, or unreadable: probe
  }
}

/** Best effort: a read-only home only means probing again next time. */
export async function writeNodeModeMemo(memo: NodeModeMemo): Promise<void> {
  const file = memoFile();
  const aside = `${file}.${process.pid}.tmp`;
  try {
    await mkdir(kubelabHome(), { recursive: true });
    await writeFile(aside, JSON.stringify(memo));
    await rename(aside, file);
  } catch {
    // see above
  }
}

/** `kubelab doctor` drops the memo: the next start uses what its fresh probe finds. */
export async function dropNodeModeMemo(): Promise<void> {
  await rm(memoFile(), { force: true });
}
