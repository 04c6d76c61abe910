// What a terminal does when its shell ends. A node that stopped or restarted takes its shells
// with it: the view says so and reconnects by itself once the node runs again. A shell the
// learner ended (`exit`, code 0) stays ended until they press Reconnect.
import type { LabStatusView } from '../../../main/api/schemas/lab.ts';

export type AfterExit =
  /** The node is not running: wait for it, then reconnect. */
  | 'wait-for-node'
  /** The node runs but the shell died abnormally (a quick restart): reconnect now. */
  | 'reconnect'
  /** The learner ended it: offer Reconnect. */
  | 'ask';

export function afterExit(code: number, nodeRunning: boolean | null, isPod: boolean): AfterExit {
  if (nodeRunning === false) return 'wait-for-node';
  // A pod's logs/describe end on their own; a pod's shell ending is the learner's doing.
  if (isPod || code === 0) return 'ask';
  return nodeRunning === true ? 'reconnect' : 'ask';
}

export function nodeRunning(status: LabStatusView, node: string): boolean {
  return status.nodes.some((n) => n.name === node && n.containerState === 'running');
}

/** How often, and how long, a view waits for its node to come back. */
export const NODE_POLL_MS = 2000;
export const NODE_WAIT_MS = 5 * 60_000;
