// One instance of each store per client (per connection to the main process), shared by every
// component that shows it. Keyed by client rather than global so that each component test, which
// renders with a client of its own, starts from a clean slate.
import type { LabClient } from '../../../main/api/client.ts';

const byClient = new WeakMap<LabClient, Map<string, unknown>>();

/** The store named `key` for this client, made by `create` the first time it is asked for. */
export function perClient<S>(client: LabClient, key: string, create: () => S): S {
  let stores = byClient.get(client);
  if (!stores) byClient.set(client, (stores = new Map<string, unknown>()));
  if (!stores.has(key)) stores.set(key, create());
  return stores.get(key) as S;
}
