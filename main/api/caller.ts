// Who is calling: one per WebSocket connection or Electron window. Resources a caller opens
// (terminal sessions) belong to it and are released when it goes away. Pure: no Node APIs.

export interface Caller {
  /** Stable for the life of the connection/window. */
  readonly id: string;
  /** Runs `listener` once when the connection/window goes away. */
  onClose(listener: () => void): void;
}

/** For calls that come from no connection (tests, scripts): never closes. */
export const anonymousCaller: Caller = { id: 'anonymous', onClose: () => undefined };

/** A caller whose close is triggered by the transport that created it. */
export function createCaller(id: string): { caller: Caller; close: () => void } {
  const listeners: (() => void)[] = [];
  let closed = false;
  const close = (): void => {
    if (closed) return;
    closed = true;
    for (const listener of listeners.splice(0)) listener();
  };
  const caller: Caller = {
    id,
    onClose: (listener) => {
      if (closed) listener();
      else listeners.push(listener);
    },
  };
  return { caller, close };
}
