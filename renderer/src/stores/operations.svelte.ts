// The long operations (image builds, bundle loads, lab start/stop/reset): which are running now
// (asked once with operations:list, then kept by the progress events) and each progress event as
// it comes. A panel that shows a progress bar follows one kind of operation: it sees the one
// already running at once, then every event, as if it had been listening all along.
import type { LabClient } from '../../../main/api/client.ts';
import type { Progress } from '../../../main/api/schemas/events.ts';
import { isKindOf } from './operation-kinds.ts';
import { perClient } from './per-client.ts';
import { applyProgress, mergeListed } from './running.ts';

export class OperationsStore {
  #running = $state.raw<readonly Progress[]>([]);
  /** Operations an event has ended: a slower operations:list answer must not revive them. */
  // eslint-disable-next-line svelte/prefer-svelte-reactivity -- bookkeeping, never rendered
  #ended = new Set<string>();
  #listed: Promise<void> = Promise.resolve();
  #users = 0;
  #stopListening: (() => void) | null = null;
  readonly #client: LabClient;

  constructor(client: LabClient) {
    this.#client = client;
  }

  /** The operations running now, oldest first (kept only while some panel follows them). */
  get running(): readonly Progress[] {
    return this.#running;
  }

  /**
   * Calls `onProgress` with the latest running operation of the kind (if any), then with every
   * progress event of it. Call from an $effect and return what it returns.
   */
  follow(prefix: string, onProgress: (progress: Progress) => void): () => void {
    this.#use();
    let following = true;
    const off = this.#client.on('progress', (progress) => {
      if (isKindOf(progress, prefix)) onProgress(progress);
    });
    void this.#listed.then(() => {
      const latest = this.#running.filter((p) => isKindOf(p, prefix)).at(-1);
      if (following && latest) onProgress(latest);
    });
    return () => {
      if (!following) return;
      following = false;
      off();
      if (--this.#users === 0) this.#forget();
    };
  }

  #use(): void {
    if (this.#users++ > 0) return;
    this.#stopListening = this.#client.on('progress', (progress) => {
      if (progress.state !== 'running') this.#ended.add(progress.operationId);
      this.#running = applyProgress(this.#running, progress);
    });
    const stopped = this.#stopListening;
    this.#listed = this.#client.operations.list({}).then(
      (listed) => {
        if (this.#stopListening === stopped) {
          this.#running = mergeListed(this.#running, listed, this.#ended);
        }
      },
      () => undefined,
    );
  }

  #forget(): void {
    this.#stopListening?.();
    this.#stopListening = null;
    this.#ended.clear();
    this.#running = [];
  }
}

export function operationsStore(client: LabClient): OperationsStore {
  return perClient(client, 'operations', () => new OperationsStore(client));
}
