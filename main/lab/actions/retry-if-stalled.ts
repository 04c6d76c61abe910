// One more try for an idempotent step that stalls: the registry start has been seen to stall
// with nothing left to wait on (cause not found yet).
import { LabError } from '../../api/errors.ts';

/** A stall (the step did not settle in time) warrants one retry; any other failure does not. */
export function isStall(error: unknown): error is LabError {
  return error instanceof LabError && error.code === 'STALLED';
}

/**
 * Runs an idempotent step; if it has not settled after `stallMs`, runs it once more and takes
 * that answer. The timer also keeps the process alive, so a stall can never end in a silent exit.
 */
export async function retryIfStalled<T>(
  what: string,
  stallMs: number,
  work: () => Promise<T>,
  onRetry: () => void,
): Promise<T> {
  const attempt = (): Promise<T> => {
    let timer: NodeJS.Timeout | undefined;
    const stalled = new Promise<never>((_, reject) => {
      timer = setTimeout(
        () =>
          reject(
            new LabError('STALLED', `Timed out after ${stallMs / 1000} s waiting for ${what}.`),
          ),
        stallMs,
      );
    });
    return Promise.race([work(), stalled]).finally(() => clearTimeout(timer));
  };
  try {
    return await attempt();
  } catch (error) {
    if (!isStall(error)) throw error;
    onRetry();
    return attempt();
  }
}
