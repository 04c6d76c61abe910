// Long operations (image builds, lab start, reset…) report progress through one tracker: it
// pushes `progress` events and remembers the latest state of each operation, so a screen that
// mounts late asks `operations:list` and never misses where things are.
import { randomUUID } from 'node:crypto';
import type { Progress } from './api/schemas/events.ts';
import type { EventBus } from './api/event-bus.ts';
import { isCancelled, toWireError } from './api/errors.ts';

export interface OperationHandle {
  readonly id: string;
  readonly signal: AbortSignal;
  update(phase: string, percent: number, message?: string): void;
  done(message?: string): void;
  fail(error: unknown): void;
}

/** Finished operations stay listed this long so a late screen still sees how they ended. */
const KEEP_FINISHED_MS = 60_000;

export class OperationTracker {
  readonly #latest = new Map<string, Progress>();
  readonly #controllers = new Map<string, AbortController>();

  constructor(private readonly bus?: EventBus) {}

  start(kind: string, firstPhase: string): OperationHandle {
    const id = randomUUID();
    const started = Date.now();
    const controller = new AbortController();
    this.#controllers.set(id, controller);
    const publish = (patch: Partial<Progress>): void => {
      const previous = this.#latest.get(id);
      const next: Progress = {
        operationId: id,
        kind,
        phase: firstPhase,
        percent: 0,
        message: '',
        state: 'running',
        ...previous,
        ...patch,
        elapsedMs: Date.now() - started,
      };
      this.#latest.set(id, next);
      this.bus?.emit('progress', next);
      if (next.state !== 'running') {
        this.#controllers.delete(id);
        setTimeout(() => this.#latest.delete(id), KEEP_FINISHED_MS).unref();
      }
    };
    publish({});
    return {
      id,
      signal: controller.signal,
      update: (phase, percent, message = '') =>
        publish({ phase, percent: Math.max(0, Math.min(100, percent)), message }),
      done: (message = 'done') => publish({ percent: 100, state: 'done', message }),
      fail: (error) =>
        publish({
          // Aborted through cancel(), or stopped by a step that said so with its CANCELLED code.
          state: controller.signal.aborted || isCancelled(error) ? 'cancelled' : 'failed',
          error: error instanceof Error ? error.message : String(error),
          errorDetail: toWireError(error),
        }),
    };
  }

  cancel(id: string): boolean {
    const controller = this.#controllers.get(id);
    controller?.abort();
    return controller !== undefined;
  }

  list(): Progress[] {
    return [...this.#latest.values()];
  }
}
