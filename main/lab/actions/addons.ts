// add-ons: once the API server answers, restore whatever add-on is missing and apply kubelab's
// own (ensure-addons.ts) — on every start, so a learner's deletion is repaired by `up`.
import { StartReads, waitForApiServer } from '../start-reads.ts';
import type { Action } from './action.ts';
import { reloadCoreDnsWaitingForApi } from './coredns-after-stop.ts';
import { ensureAddons } from './ensure-addons.ts';
import { leasesAreStale, releaseStaleLeases } from './stale-leases.ts';

export const addonsAction: Action = {
  name: 'add-ons',
  weight: 2,
  run: async ({ client, config, kind, found, state, report }) => {
    await waitForApiServer(new StartReads(client, config));
    const fromFullStop = leasesAreStale(kind, config, found);
    if (fromFullStop) report('releasing the stopped control plane’s leader leases');
    // Independent of each other: side by side.
    const [, appliedHash, reloaded] = await Promise.all([
      fromFullStop ? releaseStaleLeases(client, config) : undefined,
      ensureAddons(client, config, report, { fromFullStop, appliedHash: state.addonsApplied }),
      // After a full stop only: on a cold start CoreDNS is created after kube-proxy's rule. A
      // help, never a gate: if it fails (kube-proxy slower than its 30 s), the ready phase still
      // waits for DNS as before.
      fromFullStop ? reloadCoreDnsWaitingForApi(client, config).catch((): string[] => []) : [],
    ]);
    if (reloaded.length)
      report(`reloaded ${reloaded.join(', ')}: it started before the API was reachable`);
    // The state object is shared by every action of this start: up.ts writes it after the last.
    state.addonsApplied = appliedHash;
  },
};
