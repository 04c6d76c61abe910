// The order of a parallel image build: which images may build at the same time. A cold build is
// one long host-side Go compile (both cores for ≈ 18 min) beside work that mostly waits on the
// network or the disk (mmdebstrap, Ghost's npm install, apt in the workload images); run one
// after the other they add up, run side by side the short ones hide behind the long one.

export interface ScheduledTask {
  name: string;
  /** Names this task needs finished first; names not among the tasks count as finished. */
  after: readonly string[];
  /** Long tasks start first among those ready at the same moment. */
  long?: boolean;
}

/** How many images build at once: KUBELAB_BUILD_JOBS, else 3 (one Go compile + two waiting). */
export function buildJobs(env: NodeJS.ProcessEnv = process.env): number {
  const asked = Number(env.KUBELAB_BUILD_JOBS);
  return Number.isInteger(asked) && asked >= 1 ? Math.min(asked, 8) : 3;
}

/**
 * Runs every task once its `after` tasks have finished, at most `jobs` at a time, in list order
 * among the ready ones (long ones first). The first failure stops the schedule: nothing new
 * starts, the tasks already running are told through their signal, and once they have all
 * settled that first error is thrown — so no build is left running behind a returned error.
 */
export async function runScheduled<T extends ScheduledTask>(
  tasks: readonly T[],
  jobs: number,
  run: (task: T, signal: AbortSignal) => Promise<void>,
  signal: AbortSignal,
): Promise<void> {
  const names = new Set(tasks.map((task) => task.name));
  const finished = new Set<string>();
  const waiting = [...tasks];
  const running = new Set<Promise<void>>();
  const stop = new AbortController();
  const onAbort = (): void => stop.abort(signal.reason);
  signal.addEventListener('abort', onAbort, { once: true });
  let failure: { error: unknown } | undefined;

  const ready = (task: T): boolean =>
    task.after.every((name) => !names.has(name) || finished.has(name));
  const startReady = (): void => {
    while (!failure && !stop.signal.aborted && running.size < jobs) {
      const candidates = waiting.filter(ready);
      const next = candidates.find((task) => task.long) ?? candidates[0];
      if (!next) return;
      waiting.splice(waiting.indexOf(next), 1);
      const job: Promise<void> = run(next, stop.signal).then(
        () => {
          finished.add(next.name);
          running.delete(job);
        },
        (error: unknown) => {
          failure ??= { error };
          stop.abort(error);
          running.delete(job);
        },
      );
      running.add(job);
    }
  };

  try {
    startReady();
    while (running.size) {
      await Promise.race(running);
      startReady();
    }
    if (failure) throw failure.error;
    if (signal.aborted) throw signal.reason;
    if (waiting.length) {
      // Only a cycle leaves tasks waiting with nothing running; the catalogue has none.
      throw new Error(`no order builds ${waiting.map((task) => task.name).join(', ')}`);
    }
  } finally {
    signal.removeEventListener('abort', onAbort);
  }
}
