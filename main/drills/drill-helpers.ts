// What every drill shares: its shape, the context it runs in, how it fails, how it proves the
// lab healthy again, and the CLI as a learner runs it.
import { spawn } from 'node:child_process';
import type Docker from 'dockerode';
import { dnsAnswers } from '../lab/cluster.ts';
import type { LabConfig } from '../lab/config.ts';
import { labStatus } from '../lab/status.ts';

export interface DrillContext {
  client: Docker;
  lab: string;
  config: LabConfig;
}

export interface Drill {
  name: string;
  short: boolean;
  /** Breaks something, repairs it, and throws if any promise of the repair is not kept. */
  run(ctx: DrillContext): Promise<string>;
}

export function fail(message: string): never {
  throw new Error(message);
}

export async function healthy(ctx: DrillContext): Promise<void> {
  const status = await labStatus(ctx.client, ctx.lab);
  if (status.problems.length) fail(`still unhealthy: ${status.problems.join('; ')}`);
  if (!(await dnsAnswers(ctx.client, ctx.config))) fail('CoreDNS does not answer after the repair');
}

export function cli(args: string[]): Promise<{ code: number; output: string }> {
  return new Promise((resolve) => {
    const child = spawn(process.execPath, ['bin/kubelab.js', ...args], {
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let output = '';
    child.stdout.on('data', (c: Buffer) => (output += c.toString()));
    child.stderr.on('data', (c: Buffer) => (output += c.toString()));
    child.on('close', (code) => resolve({ code: code ?? 1, output }));
  });
}
