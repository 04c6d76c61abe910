// One shell in a node container: `docker exec -it … bash -l` under a pseudo-terminal. Output is
// kept in a ring buffer (for re-attaching views) and handed on in coalesced chunks.
import * as pty from '@lydell/node-pty';
import { Coalescer } from './coalescer.ts';
import { RingBuffer } from './ring-buffer.ts';

export const REPLAY_CHARS = 256 * 1024;
const FLUSH_MS = 16;
const CHUNK_CHARS = 64 * 1024;

export interface PtySessionOptions {
  container: string;
  home: string;
  cols: number;
  rows: number;
  /** What runs in the node; a login shell when left out. */
  command?: string[];
  onData: (chunk: string) => void;
  onExit: (code: number) => void;
}

export class PtySession {
  readonly #pty: pty.IPty;
  readonly #ring = new RingBuffer(REPLAY_CHARS);
  readonly #out: Coalescer;
  #exited = false;

  constructor(options: PtySessionOptions) {
    this.#out = new Coalescer(options.onData, { delayMs: FLUSH_MS, maxChars: CHUNK_CHARS });
    const args = ['exec', '-it', '-w', options.home, '-e', 'TERM=xterm-256color'];
    args.push(options.container, ...(options.command ?? ['bash', '-l']));
    this.#pty = pty.spawn('docker', args, {
      name: 'xterm-256color',
      cols: options.cols,
      rows: options.rows,
      cwd: process.cwd(),
      env: process.env,
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
    return this.#ring.contents();
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
