// Batches a fast stream of small writes into few larger ones, throttle-style: a write after a
// quiet spell goes out at once (a keystroke's echo must not wait for a timer), then for
// `delayMs` whatever arrives is gathered into one chunk, sent when the window closes or as soon
// as it reaches `maxChars` — so `yes` cannot flood the socket with tiny frames. Pure: the timer
// functions are injected.

export interface Timers {
  set(callback: () => void, ms: number): unknown;
  clear(handle: unknown): void;
}

export const realTimers: Timers = {
  set: (callback, ms) => setTimeout(callback, ms),
  clear: (handle) => clearTimeout(handle as ReturnType<typeof setTimeout>),
};

export interface CoalescerOptions {
  delayMs: number;
  maxChars: number;
  timers?: Timers;
}

export class Coalescer {
  readonly #emit: (chunk: string) => void;
  readonly #options: Required<CoalescerOptions>;
  #pending: string[] = [];
  #size = 0;
  #timer: unknown = null;

  constructor(emit: (chunk: string) => void, options: CoalescerOptions) {
    this.#emit = emit;
    this.#options = { timers: realTimers, ...options };
  }

  push(data: string): void {
    if (data.length === 0) return;
    this.#pending.push(data);
    this.#size += data.length;
    if (this.#timer === null) {
      // Quiet until now: send at once and gather what follows for one window.
      this.#emitPending();
      this.#openWindow();
    } else if (this.#size >= this.#options.maxChars) {
      this.#emitPending();
    }
  }

  /** Emits what is pending now (in chunks of at most maxChars). */
  flush(): void {
    this.#emitPending();
  }

  #openWindow(): void {
    this.#timer = this.#options.timers.set(() => {
      this.#timer = null;
      // Still busy: send the gathered output and keep batching; else the stream is quiet again.
      if (this.#size > 0) {
        this.#emitPending();
        this.#openWindow();
      }
    }, this.#options.delayMs);
  }

  #emitPending(): void {
    if (this.#size === 0) return;
    const text = this.#pending.join('');
    this.#pending = [];
    this.#size = 0;
    for (let at = 0; at < text.length; at += this.#options.maxChars) {
      this.#emit(text.slice(at, at + this.#options.maxChars));
    }
  }

  /** Drops the timer; pending data is flushed first. */
  dispose(): void {
    this.#emitPending();
    if (this.#timer !== null) {
      this.#options.timers.clear(this.#timer);
      this.#timer = null;
    }
  }
}
