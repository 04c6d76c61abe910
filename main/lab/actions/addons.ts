// add-ons: once the API server answers, restore whatever add-on is missing and apply kubelab's
// own (ensure-addons.ts) — on every start, so a learner's deletion is repaired by `up`.
import { waitForApiServer } from '../cluster.ts';
import type { Action } from './action.ts';
import { ensureAddons } from './ensure-addons.ts';

export const addonsAction: Action = {
  name: 'add-ons',
  weight: 2,
  run: async ({ client, config, report }) => {
    await waitForApiServer(client, config);
    await ensureAddons(client, config, report);
  },
};
