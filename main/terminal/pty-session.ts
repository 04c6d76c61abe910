// One shell in a node container: `docker exec -it … bash -l` under a pseudo-terminal. Output is
// kept in a ring buffer (for re-attaching views) and handed on in coalesced chunks.
import * as pty from '@lydell/node-pty';
import { Coalescer } from './coalescer.ts';
import { FlowControl } from './flow-control.ts';
import { RingBuffer } from './ring-buffer.ts';
import { dockerCliEnv } from '../engine/endpoint.ts';

export const REPLAY_CHARS = 256 * 1024;
const FLUSH_MS = 16;
const CHUNK_CHARS = 64 * 1024;
/** Output a view may have in flight (sent, not yet drawn) before the shell is paused. */
export const FLOW_HIGH_CHARS = 192 * 1024;
const FLOW_LOW_CHARS = 64 * 1024;

export interface PtySessionOptions {
  container: string;
  home: string;
  cols: number;
  rows: number;
  /** What runs in the node; a login shell when left out. */
  command?: string[];
  onData: (chunk: string) => void;
  onExit: (code: number) => void;
  /** The view acks what it has drawn (`ack`): pause the shell while it lags behind. */
  flowControl?: boolean;
}

export class PtySession {
  readonly #pty: pty.IPty;
  readonly #ring = new RingBuffer(REPLAY_CHARS);
  readonly #out: Coalescer;
  readonly #flow: FlowControl | null;
  #exited = false;

  constructor(options: PtySessionOptions) {
    this.#flow = options.flowControl
      ? new FlowControl({
          highChars: FLOW_HIGH_CHARS,
          lowChars: FLOW_LOW_CHARS,
          pause: () => this.#pty.pause(),
          resume: () => this.#pty.resume(),
        })
      : null;
    const emit = (chunk: string): void => {
      this.#flow?.sent(chunk.length);
      options.onData(chunk);
    };
    this.#out = new Coalescer(emit, { delayMs: FLUSH_MS, maxChars: CHUNK_CHARS });
    const args = ['exec', '-it', '-w', options.home, '-e', 'TERM=xterm-256color'];
    args.push(options.container, ...(options.command ?? ['bash', '-l']));
    this.#pty = pty.spawn('docker', args, {
      name: 'xterm-256color',
      cols: options.cols,
      rows: options.rows,
      cwd: process.cwd(),
      // The engine dockerode uses, whatever `docker context` the docker CLI would pick.
      env: dockerCliEnv(),
    });
    this.#pty.onData((data) => {
      this.#ring.append(data);
      this.#out.push(data);
    });
    this.#pty.onExit(({ exitCode }) => {
      this.#exited = true;
      this.#out.dispose();
      options.onExit(exitCode);
    });
  }

  get exited(): boolean {
    return this.#exited;
  }

  /** What the shell printed so far; pending output is sent first so nothing arrives twice. */
  replay(): string {
    this.#out.flush();
    // The re-attached view starts from the replay: nothing in flight will be acked any more.
    this.#flow?.reset();
    return this.#ring.contents();
  }

  /** The view has drawn `chars` more characters of output. */
  ack(chars: number): void {
    if (!this.#exited) this.#flow?.acked(chars);
  }

  write(data: string): void {
    if (!this.#exited) this.#pty.write(data);
  }

  resize(cols: number, rows: number): void {
    if (!this.#exited) this.#pty.resize(cols, rows);
  }

  kill(): void {
    if (this.#exited) return;
    try {
      this.#pty.kill();
    } catch {
      // Already gone.
    }
  }
}
