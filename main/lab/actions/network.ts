// network: the lab's bridge network with a fixed subnet (node IPs survive restarts).
import { ensureNetwork } from '../network.ts';
import type { Action } from './action.ts';

export const networkAction: Action = {
  name: 'network',
  weight: 1,
  run: ({ client, config }) => ensureNetwork(client, config),
};
