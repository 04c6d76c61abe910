// What a terminal does when its shell ends. A node that stopped or restarted takes its shells
// with it (docker exec ends with 137 or similar): the view says so and reconnects by itself once
// the node answers again. A shell the learner ended (`exit`, code 0), or a pod's logs/describe
// that finished, stays ended until they press Reconnect.

export type AfterExit = 'reconnect' | 'ask';

export function afterExit(code: number, isPod: boolean): AfterExit {
  return code !== 0 && !isPod ? 'reconnect' : 'ask';
}

/** How often, and how long, a view tries to reach its node again. */
export const NODE_POLL_MS = 2000;
export const NODE_WAIT_MS = 5 * 60_000;
