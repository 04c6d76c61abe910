// Starts a real `kubelab serve` (the CLI, on a free port) and stops it; see fixtures.ts for the
// per-test fixture. Specs also stop and start it themselves (progress across a server restart).
import { spawn } from 'node:child_process';
import type { ChildProcess } from 'node:child_process';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

/** The kubeconfig the served app adds labs to: $KUBECONFIG when set (scripts/test.sh), else a file under the OS temp folder. */
export function e2eKubeconfig(): string {
  return process.env.KUBECONFIG ?? join(tmpdir(), 'kubelab-e2e', 'kubeconfig');
}

export interface ServedApp {
  url: string;
  origin: string;
  process: ChildProcess;
}

/**
 * `env` adds to this process's environment (e.g. DOCKER_HOST, KUBELAB_HOME for a first run);
 * `args` to serve's flags (e.g. `--scenarios-dir DIR --watch`).
 */
export async function startServe(
  env: NodeJS.ProcessEnv = {},
  args: readonly string[] = [],
): Promise<ServedApp> {
  const cli = join(import.meta.dirname, '..', 'bin', 'kubelab.js');
  const child = spawn(process.execPath, [cli, 'serve', '--port', '0', ...args], {
    // A lab the UI starts goes into "the learner's kubeconfig": this run's own file, not ~/.kube.
    env: { ...process.env, NO_COLOR: '1', KUBECONFIG: e2eKubeconfig(), ...env },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let output = '';
  const url = await new Promise<string>((resolve, reject) => {
    const timer = setTimeout(
      () => reject(new Error(`kubelab serve printed no URL:\n${output}`)),
      120_000,
    );
    const onData = (chunk: Buffer): void => {
      output += chunk.toString();
      const match = /http:\/\/127\.0\.0\.1:\d+\/\?token=[\w-]+/.exec(output);
      if (match) {
        clearTimeout(timer);
        resolve(match[0]);
      }
    };
    child.stdout.on('data', onData);
    child.stderr.on('data', onData);
    child.once('exit', (code) => reject(new Error(`kubelab serve exited (${code}):\n${output}`)));
  });
  return { url, origin: new URL(url).origin, process: child };
}

export async function stopServe(app: ServedApp): Promise<void> {
  if (app.process.exitCode !== null || app.process.signalCode !== null) return;
  const exited = new Promise((resolve) => app.process.once('exit', resolve));
  app.process.kill('SIGTERM');
  await exited;
}
