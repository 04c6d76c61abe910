// Runs the real `kubelab` CLI from a spec (lab set-up and tear-down, skip-ahead solves). A failed
// verb throws with everything it printed, so a broken set-up says why in the test report.
import { execFile } from 'node:child_process';
import { join } from 'node:path';

export const CLI = join(import.meta.dirname, '..', 'bin', 'kubelab.js');

export function kubelab(
  args: string[],
  timeoutMs = 5 * 60_000,
  env: NodeJS.ProcessEnv = {},
): Promise<string> {
  return new Promise((resolve, reject) => {
    execFile(
      process.execPath,
      [CLI, ...args],
      {
        timeout: timeoutMs,
        env: { ...process.env, NO_COLOR: '1', ...env },
        maxBuffer: 32 * 1024 * 1024,
      },
      (error, stdout, stderr) => {
        if (error) {
          reject(
            new Error(`kubelab ${args.join(' ')} failed: ${error.message}\n${stdout}\n${stderr}`),
          );
        } else resolve(stdout);
      },
    );
  });
}
