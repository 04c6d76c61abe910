// A piece of main-process state that several panels show (the engine's status, the images, a
// lab's status, the scenarios …), held once. The first panel to mount fetches it and starts
// following the operations that change it; panels mounting alongside share that fetch. When the
// last panel goes it is forgotten, so a screen shown again reads it afresh — as each panel did
// on its own before the stores, and nothing goes stale while nobody is looking.
import type { LabClient } from '../../../main/api/client.ts';
import type { LabEventName } from '../../../main/api/contract.ts';
import { endsOperationOf } from './operation-kinds.ts';

export interface ResourceSource<T> {
  fetch: () => Promise<T>;
  /** Kind prefixes ('images.', 'lab.') of the operations whose end changes this state. */
  refreshAfter?: readonly string[];
  /** Pushed events that say this state changed (authoring mode's `catalogChanged`). */
  refreshOn?: readonly LabEventName[];
}

export class Resource<T> {
  // Deep state, as the panels held it: an answer counts as new even when it is the same object.
  #value = $state<T | null>(null);
  #error = $state.raw<Error | null>(null);
  #users = 0;
  #stopFollowing: (() => void) | null = null;
  #inFlight: Promise<Error | null> | null = null;
  /** Numbers every fetch; only the newest one's answer is kept (and none after forgetting). */
  #ticket = 0;
  readonly #client: LabClient;
  readonly #source: ResourceSource<T>;

  constructor(client: LabClient, source: ResourceSource<T>) {
    this.#client = client;
    this.#source = source;
  }

  /** The last answer; kept when a later fetch fails (see `error`). Null until the first one. */
  get value(): T | null {
    return this.#value;
  }

  /** Why the newest fetch failed; null again once one succeeds. */
  get error(): Error | null {
    return this.#error;
  }

  /**
   * A panel showing this state mounted: call from an $effect and return what it returns, so the
   * panel's going (or its key changing) releases it.
   */
  use(): () => void {
    if (this.#users++ === 0 && !this.#stopFollowing) this.#stopFollowing = this.#follow();
    void (this.#inFlight ?? this.refresh());
    let released = false;
    return () => {
      if (released) return;
      released = true;
      // After a microtask: when one screen replaces another in the same flush, the panels
      // going must not empty what the panels coming are already showing.
      this.#users--;
      queueMicrotask(() => {
        if (this.#users === 0) this.#forget();
      });
    };
  }

  /** Asks again now. Never rejects: resolves with the failure (also in `error`), or null. */
  refresh(): Promise<Error | null> {
    const ticket = ++this.#ticket;
    const answer = this.#source.fetch().then(
      (value) => {
        if (ticket === this.#ticket) {
          this.#value = value;
          this.#error = null;
        }
        return null;
      },
      (thrown: unknown) => {
        const error = thrown instanceof Error ? thrown : new Error(String(thrown));
        if (ticket === this.#ticket) this.#error = error;
        return error;
      },
    );
    this.#inFlight = answer;
    void answer.then(() => {
      if (this.#inFlight === answer) this.#inFlight = null;
    });
    return answer;
  }

  #follow(): () => void {
    const kinds = this.#source.refreshAfter ?? [];
    const stops = (this.#source.refreshOn ?? []).map((event) =>
      this.#client.on(event, () => void this.refresh()),
    );
    if (kinds.length > 0) {
      stops.push(
        this.#client.on('progress', (progress) => {
          if (endsOperationOf(progress, kinds)) void this.refresh();
        }),
      );
    }
    return () => stops.forEach((stop) => stop());
  }

  #forget(): void {
    this.#stopFollowing?.();
    this.#stopFollowing = null;
    this.#ticket++;
    this.#inFlight = null;
    this.#value = null;
    this.#error = null;
  }
}
