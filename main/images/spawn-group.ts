// Host-side build steps (mmdebstrap, go build, npm install) are shell scripts that start long
// children. Node's `spawn(..., { signal })` kills only the script on abort and its children
// run to their end — a cancelled image build went on for minutes. Here the script leads a
// process group of its own, and cancelling ends the whole group (TERM, then KILL).
import { spawn } from 'node:child_process';
import type { ChildProcessByStdio } from 'node:child_process';
import type { Readable } from 'node:stream';

const KILL_AFTER_MS = 5_000;

export function spawnGroup(
  command: string,
  args: string[],
  options: { env?: NodeJS.ProcessEnv; signal: AbortSignal },
): ChildProcessByStdio<null, Readable, Readable> {
  const child = spawn(command, args, {
    env: options.env ?? process.env,
    detached: true,
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  const killGroup = (signal: NodeJS.Signals): void => {
    if (child.pid === undefined || child.exitCode !== null || child.signalCode !== null) return;
    try {
      process.kill(-child.pid, signal);
    } catch {
      // The group is already gone.
    }
  };
  const onAbort = (): void => {
    killGroup('SIGTERM');
    setTimeout(() => killGroup('SIGKILL'), KILL_AFTER_MS).unref();
  };
  if (options.signal.aborted) queueMicrotask(onAbort);
  else options.signal.addEventListener('abort', onAbort, { once: true });
  child.once('exit', () => options.signal.removeEventListener('abort', onAbort));
  return child;
}
