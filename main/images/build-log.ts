// Each image build keeps its whole log on disk and its last lines in memory, so a failure can
// say which image, which step, and show the tail of what went wrong.
import { createWriteStream, mkdirSync } from 'node:fs';
import type { WriteStream } from 'node:fs';
import { join } from 'node:path';
import { kubelabHome } from '../paths.ts';

export class BuildLog {
  readonly path: string;
  readonly #file: WriteStream;
  readonly #tail: string[] = [];
  /** The step being run, e.g. "Step 4/9 : RUN apt-get install …". */
  step = 'starting';

  constructor(image: string) {
    const dir = join(kubelabHome(), 'logs', 'images');
    mkdirSync(dir, { recursive: true });
    this.path = join(dir, `${image}.log`);
    this.#file = createWriteStream(this.path);
  }

  write(text: string): void {
    this.#file.write(text);
    for (const line of text.split('\n')) {
      if (!line.trim()) continue;
      this.#tail.push(line);
      if (this.#tail.length > 25) this.#tail.shift();
    }
  }

  tail(lines = 15): string {
    return this.#tail.slice(-lines).join('\n');
  }

  close(): Promise<void> {
    return new Promise((resolve) => this.#file.end(resolve));
  }
}
