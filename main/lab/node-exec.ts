// Run a command inside a node container (docker exec), capturing its output — the one way
// kubelab acts inside nodes (kubeadm, kubectl, CNI config, routes, checks).
import type Docker from 'dockerode';
import { PassThrough } from 'node:stream';
import { LabError } from '../api/errors.ts';

export interface ExecResult {
  exitCode: number;
  stdout: string;
  stderr: string;
}

export interface ExecOptions {
  stdin?: string | Buffer;
  env?: string[];
  workdir?: string;
  timeoutMs?: number;
  /** Bytes kept of each of stdout and stderr; the rest is drained and counted, never held. */
  maxOutputBytes?: number;
}

/** Enough for kubectl's JSON of a busy lab; a runaway command cannot fill the app's memory. */
export const DEFAULT_MAX_OUTPUT_BYTES = 32 * 1024 * 1024;

/** Collects a stream's bytes up to `limit`, then only counts what it drops. */
export class CappedOutput {
  private readonly chunks: Buffer[] = [];
  private kept = 0;
  private dropped = 0;
  constructor(private readonly limit: number) {}

  add(chunk: Buffer): void {
    const room = this.limit - this.kept;
    if (room > 0) {
      const part = chunk.length > room ? chunk.subarray(0, room) : chunk;
      this.chunks.push(part);
      this.kept += part.length;
    }
    this.dropped += Math.max(0, chunk.length - Math.max(0, room));
  }

  text(): string {
    const text = Buffer.concat(this.chunks).toString('utf8');
    return this.dropped ? `${text}\n… truncated (${this.dropped} more bytes not kept)` : text;
  }
}

export async function execInContainer(
  client: Docker,
  container: string,
  command: string[],
  options: ExecOptions = {},
): Promise<ExecResult> {
  let exec: Docker.Exec;
  try {
    exec = await client.getContainer(container).exec({
      Cmd: command,
      AttachStdout: true,
      AttachStderr: true,
      AttachStdin: options.stdin !== undefined,
      Env: options.env ?? [],
      ...(options.workdir ? { WorkingDir: options.workdir } : {}),
    });
  } catch (error) {
    // A node that is gone or stopped is a lab problem with a known fix, not a crash.
    const message = error instanceof Error ? error.message : String(error);
    if (/no such container|is not running|is paused|is restarting/i.test(message)) {
      throw new LabError('NODE_DOWN', `The node container ${container} is not running.`, {
        fix: 'Run `kubelab up` (with the same --lab) to start or repair the lab.',
      });
    }
    throw error;
  }
  const stream = await exec.start({
    hijack: options.stdin !== undefined,
    stdin: options.stdin !== undefined,
  });
  const limit = options.maxOutputBytes ?? DEFAULT_MAX_OUTPUT_BYTES;
  const stdout = new CappedOutput(limit);
  const stderr = new CappedOutput(limit);
  const out = new PassThrough();
  const err = new PassThrough();
  out.on('data', (chunk: Buffer) => stdout.add(chunk));
  err.on('data', (chunk: Buffer) => stderr.add(chunk));
  client.modem.demuxStream(stream, out, err);
  if (options.stdin !== undefined) {
    stream.end(options.stdin);
  }
  await new Promise<void>((resolve, reject) => {
    const timer = options.timeoutMs
      ? setTimeout(() => {
          stream.destroy();
          reject(
            new LabError(
              'EXEC_TIMEOUT',
              `"${command.join(' ')}" in ${container} took longer than ${options.timeoutMs} ms.`,
            ),
          );
        }, options.timeoutMs)
      : undefined;
    stream.once('end', () => {
      clearTimeout(timer);
      resolve();
    });
    stream.once('close', () => {
      clearTimeout(timer);
      resolve();
    });
    stream.once('error', (error: Error) => {
      clearTimeout(timer);
      reject(error);
    });
  });
  const info = await exec.inspect();
  return {
    exitCode: info.ExitCode ?? -1,
    stdout: stdout.text(),
    stderr: stderr.text(),
  };
}

/** Runs a bash script in the node and throws with its output when it fails. */
export async function nodeSh(
  client: Docker,
  container: string,
  script: string,
  options: ExecOptions = {},
): Promise<string> {
  const result = await execInContainer(client, container, ['bash', '-c', script], options);
  if (result.exitCode !== 0) {
    const output = (result.stderr || result.stdout).trim().split('\n').slice(-15).join('\n');
    throw new LabError(
      'NODE_COMMAND_FAILED',
      `In ${container}, \`${script.split('\n')[0]!.slice(0, 120)}\` failed (exit ${result.exitCode}):\n${output}`,
    );
  }
  return result.stdout;
}

/** Writes `content` to each of `paths` in the node (one exec for them all). */
export function writeFileInNode(
  client: Docker,
  container: string,
  paths: string | readonly string[],
  content: string,
  mode = '0644',
): Promise<string> {
  const [first, ...copies] = typeof paths === 'string' ? [paths] : paths;
  if (first === undefined) return Promise.resolve('');
  // Written aside and renamed: watchers (containerd watches the CNI folder) never see half a file.
  const place = (path: string, from: string): string => {
    const dir = path.slice(0, path.lastIndexOf('/')) || '/';
    return `mkdir -p '${dir}' && ${from} '${path}.kubelab-tmp' && chmod ${mode} '${path}.kubelab-tmp' && mv -f '${path}.kubelab-tmp' '${path}'`;
  };
  return nodeSh(
    client,
    container,
    [place(first, 'cat >'), ...copies.map((path) => place(path, `cp '${first}'`))].join(' && '),
    { stdin: content },
  );
}
