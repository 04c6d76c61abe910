// The Topology pane's objects as watches instead of polls: per lab, one list+watch per kind the
// picture draws, kept while someone looks (stopped a minute after the last request). A request
// that names the revision it already shows waits here until something changes — so a change is
// on screen within the API server's push, and an idle pane costs no request at all.
import { randomUUID } from 'node:crypto';
import type { KubeApi } from '../kube-api.ts';
import { keepCurrent } from '../kube-watch.ts';
import type { KubeObject } from '../kube-watch.ts';

/** The kinds the topology draws, listed in every namespace. */
export const TOPOLOGY_KINDS = [
  'Pod',
  'Service',
  'EndpointSlice',
  'PersistentVolume',
  'PersistentVolumeClaim',
  'NetworkPolicy',
] as const;

const IDLE_STOP_MS = 60_000;
const RETRY_MS = 2_000;
const SETTLE_MS = 150;

class TopologyFeed {
  readonly api: KubeApi;
  /** Changes with every server restart, so a revision from another process never matches. */
  readonly #id = randomUUID().slice(0, 8);
  #count = 0;
  readonly #stores = new Map<string, Map<string, KubeObject>>();
  readonly #listed = new Set<string>();
  readonly #failed = new Set<string>();
  readonly #waiters = new Set<() => void>();
  readonly #stop = new AbortController();
  #idle: ReturnType<typeof setTimeout> | undefined;

  constructor(api: KubeApi, onIdle: () => void) {
    this.api = api;
    this.#touch(onIdle);
    for (const kind of TOPOLOGY_KINDS) void this.#keep(kind);
  }

  get revision(): string {
    return `${this.#id}-${this.#count}`;
  }

  /** Every kind listed and no watch broken: the objects are the server's. */
  get current(): boolean {
    return this.#listed.size === TOPOLOGY_KINDS.length && this.#failed.size === 0;
  }

  objects(): KubeObject[] {
    return [...this.#stores.values()].flatMap((store) => [...store.values()]);
  }

  /**
   * Resolves once the revision is no longer `revision` (plus a short settle, so the burst of
   * events one `kubectl apply` makes is one answer, not ten), or after `timeoutMs`.
   */
  changedSince(revision: string, timeoutMs: number, signal?: AbortSignal): Promise<void> {
    if (revision !== this.revision) return Promise.resolve();
    return new Promise((resolve) => {
      const finish = (): void => {
        clearTimeout(timer);
        this.#waiters.delete(changed);
        signal?.removeEventListener('abort', finish);
        resolve();
      };
      const changed = (): void => {
        this.#waiters.delete(changed);
        setTimeout(finish, SETTLE_MS);
      };
      const timer = setTimeout(finish, timeoutMs);
      this.#waiters.add(changed);
      signal?.addEventListener('abort', finish, { once: true });
    });
  }

  #touch(onIdle: () => void): void {
    clearTimeout(this.#idle);
    this.#idle = setTimeout(onIdle, IDLE_STOP_MS);
    this.#idle.unref?.();
  }

  keepAlive(onIdle: () => void): void {
    this.#touch(onIdle);
  }

  stop(): void {
    clearTimeout(this.#idle);
    this.#stop.abort();
    for (const wake of [...this.#waiters]) wake();
  }

  #changed(): void {
    this.#count++;
    for (const wake of [...this.#waiters]) wake();
  }

  async #keep(kind: string): Promise<void> {
    const store = new Map<string, KubeObject>();
    this.#stores.set(kind, store);
    const signal = this.#stop.signal;
    while (!signal.aborted) {
      try {
        const outcome = await keepCurrent(
          this.api,
          kind,
          store,
          () => {
            this.#listed.add(kind);
            this.#failed.delete(kind);
            this.#changed();
          },
          signal,
        );
        if (outcome === 'absent') {
          this.#listed.add(kind);
          this.#changed();
          return;
        }
      } catch {
        // The lab stopped or restarts: the collector falls back to reading, and this tries again.
        if (!this.#failed.has(kind)) {
          this.#failed.add(kind);
          this.#changed();
        }
      }
      await new Promise((resolve) => setTimeout(resolve, RETRY_MS).unref());
    }
  }
}

const feeds = new Map<string, TopologyFeed>();

/** The lab's feed, started on first use and kept while requests keep coming. */
export function topologyFeed(lab: string, api: KubeApi): TopologyFeed {
  let feed = feeds.get(lab);
  const forget = (): void => {
    if (feeds.get(lab) === feed) feeds.delete(lab);
    feed?.stop();
  };
  if (feed && feed.api !== api) forget(); // the lab was made anew: new certificates, new client
  feed = feeds.get(lab);
  if (feed) {
    feed.keepAlive(forget);
    return feed;
  }
  feed = new TopologyFeed(api, forget);
  feeds.set(lab, feed);
  return feed;
}

export type { TopologyFeed };
