// A kind's objects kept current by a list, then a watch from the list's resourceVersion — what
// client-go's informers do: after the first list the API server pushes each change, so a picture
// built from it is current within the network's delay and costs nothing while nothing changes.
import type { KubeApi } from './kube-api.ts';

export interface KubeObject {
  kind?: string;
  metadata: { uid?: string; name?: string; namespace?: string; resourceVersion?: string };
}

interface ListBody {
  metadata?: { resourceVersion?: string };
  items?: KubeObject[];
}

interface WatchEvent {
  type?: string;
  object?: KubeObject & { code?: number };
}

/** Parsed watch line, or null for a line that is not a watch event. */
export function parseWatchLine(line: string): WatchEvent | null {
  try {
    const event = JSON.parse(line) as WatchEvent;
    return typeof event.type === 'string' && event.object ? event : null;
  } catch {
    return null;
  }
}

/** Nobody reads these, and they are most of an object's bytes. */
function trimmed(object: KubeObject, kind: string): KubeObject {
  const metadata = { ...object.metadata } as KubeObject['metadata'] & { managedFields?: unknown };
  delete metadata.managedFields;
  return { ...object, kind, metadata };
}

function keyOf(object: KubeObject): string {
  return object.metadata.uid ?? `${object.metadata.namespace ?? ''}/${object.metadata.name ?? ''}`;
}

/**
 * Applies one watch event to the store. Returns 'changed', 'unchanged' (a bookmark), or 'relist'
 * when the server says the resourceVersion is too old (410 Gone) and only a new list can go on.
 */
export function applyWatchEvent(
  store: Map<string, KubeObject>,
  kind: string,
  event: WatchEvent,
): 'changed' | 'unchanged' | 'relist' {
  const object = event.object!;
  switch (event.type) {
    case 'ADDED':
    case 'MODIFIED':
      store.set(keyOf(object), trimmed(object, kind));
      return 'changed';
    case 'DELETED':
      store.delete(keyOf(object));
      return 'changed';
    case 'ERROR':
      return 'relist';
    default:
      return 'unchanged'; // BOOKMARK: only its resourceVersion matters
  }
}

/**
 * Keeps `store` equal to the server's objects of `kind` until `signal` aborts. `onChange` runs
 * after the first list and after every change. Throws (ApiUnreachableError) when the API server
 * cannot be reached; the caller decides when to try again. Returns 'absent' at once for a kind
 * the server does not have (its store stays empty, which is the truth).
 */
export async function keepCurrent(
  api: KubeApi,
  kind: string,
  store: Map<string, KubeObject>,
  onChange: () => void,
  signal: AbortSignal,
): Promise<'absent' | 'stopped'> {
  const path = await api.collectionPath(kind);
  if (!path) return 'absent';
  while (!signal.aborted) {
    const listed = await api.get(path);
    if (listed.status !== 200) throw new Error(`listing ${kind} answered HTTP ${listed.status}`);
    const body = listed.body as ListBody;
    store.clear();
    for (const item of body.items ?? []) store.set(keyOf(item), trimmed(item, kind));
    onChange();
    let version = body.metadata?.resourceVersion ?? '';
    // Watch from the list, again and again (the server ends each watch after timeoutSeconds).
    for (;;) {
      if (signal.aborted) return 'stopped';
      let relist = false;
      const stop = new AbortController();
      const both = AbortSignal.any([signal, stop.signal]);
      const query = `watch=1&allowWatchBookmarks=true&timeoutSeconds=290&resourceVersion=${encodeURIComponent(version)}`;
      const answer = await api.stream(
        `${path}?${query}`,
        (line) => {
          const event = parseWatchLine(line);
          if (!event || relist) return;
          const outcome = applyWatchEvent(store, kind, event);
          if (outcome === 'relist') {
            relist = true;
            stop.abort();
            return;
          }
          version = event.object?.metadata.resourceVersion ?? version;
          if (outcome === 'changed') onChange();
        },
        both,
      );
      if (relist || (answer.status !== 200 && answer.status !== 0)) break;
    }
  }
  return 'stopped';
}
