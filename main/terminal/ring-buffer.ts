// The last N characters a terminal printed, so a re-attached view can replay them. Pure.

export class RingBuffer {
  readonly #capacity: number;
  #chunks: string[] = [];
  #length = 0;

  constructor(capacity: number) {
    if (!Number.isInteger(capacity) || capacity <= 0) {
      throw new Error(`capacity must be a positive integer, not ${capacity}`);
    }
    this.#capacity = capacity;
  }

  get length(): number {
    return this.#length;
  }

  append(data: string): void {
    if (data.length === 0) return;
    const text = data.length > this.#capacity ? data.slice(-this.#capacity) : data;
    this.#chunks.push(text);
    this.#length += text.length;
    while (this.#length > this.#capacity) {
      const first = this.#chunks[0]!;
      const excess = this.#length - this.#capacity;
      if (first.length <= excess) {
        this.#chunks.shift();
        this.#length -= first.length;
      } else {
        this.#chunks[0] = first.slice(excess);
        this.#length -= excess;
      }
    }
  }

  /** Everything kept, oldest first. */
  contents(): string {
    const text = this.#chunks.join('');
    this.#chunks = text ? [text] : [];
    return text;
  }
}
