// Back-pressure for one terminal: output sent to a view but not yet drawn by it (the view acks
// what xterm has written) is counted; past `highChars` the shell is paused, and it resumes once
// the view has caught up below `lowChars`. So a runaway `yes` fills at most a bounded window of
// the socket and the page's memory instead of the whole machine's. Pure: pause/resume are
// injected.

export interface FlowControlOptions {
  highChars: number;
  lowChars: number;
  pause: () => void;
  resume: () => void;
}

export class FlowControl {
  readonly #options: FlowControlOptions;
  #unacked = 0;
  #paused = false;

  constructor(options: FlowControlOptions) {
    if (options.lowChars >= options.highChars) {
      throw new Error('flow control: lowChars must be below highChars');
    }
    this.#options = options;
  }

  get unacked(): number {
    return this.#unacked;
  }

  get paused(): boolean {
    return this.#paused;
  }

  /** Output handed to the view. */
  sent(chars: number): void {
    this.#unacked += chars;
    if (!this.#paused && this.#unacked > this.#options.highChars) {
      this.#paused = true;
      this.#options.pause();
    }
  }

  /** The view has drawn `chars` more characters (never more than were sent). */
  acked(chars: number): void {
    this.#unacked = Math.max(0, this.#unacked - Math.max(0, chars));
    if (this.#paused && this.#unacked <= this.#options.lowChars) {
      this.#paused = false;
      this.#options.resume();
    }
  }

  /** A view (re-)attached with a replay: nothing it had in flight will be acked any more. */
  reset(): void {
    this.acked(this.#unacked);
  }
}
