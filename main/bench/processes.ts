// Figures measured by starting processes, as a learner's shell would: the CLI's start
// (`kubelab version`), Node's own start as the floor under it (`node -e 0`), and a step's check
// as a command (`kubelab check`). Each is wall time from spawn to exit.
import { spawn } from 'node:child_process';
import { join } from 'node:path';
import { appRoot } from '../paths.ts';

/** Seconds from spawn to exit; a non-zero exit is an error carrying the process's stderr. */
export function timedProcess(command: string, args: string[]): Promise<number> {
  return new Promise((resolve, reject) => {
    const started = performance.now();
    const child = spawn(command, args, { stdio: ['ignore', 'ignore', 'pipe'] });
    let stderr = '';
    child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString('utf8')));
    child.on('error', reject);
    child.on('close', (code) => {
      const seconds = (performance.now() - started) / 1000;
      if (code === 0) resolve(seconds);
      else
        reject(
          new Error(
            `${[command, ...args].join(' ')} exited with ${code}: ${stderr.trim().split('\n')[0] ?? ''}`,
          ),
        );
    });
  });
}

const kubelabBin = (): string => join(appRoot(), 'bin', 'kubelab.js');

/** `kubelab ARGS…` with the same Node that runs the bench. */
export function timedKubelab(args: string[]): Promise<number> {
  return timedProcess(process.execPath, [kubelabBin(), ...args]);
}

export function timedNodeStart(): Promise<number> {
  return timedProcess(process.execPath, ['-e', '0']);
}
