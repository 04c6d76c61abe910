/** The one IPC channel that carries pushed events (requests use the contract's `domain:method`). */
export const EVENT_CHANNEL = 'kubelab:event';
