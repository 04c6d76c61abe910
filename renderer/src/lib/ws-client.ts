// Browser-mode transport: the contract over one WebSocket, with request ids and pushed events.
// Every request has a time limit (an answer that never comes is an error, not a spinner forever),
// and a dropped connection is re-opened with back-off; requests made meanwhile wait for it (within
// their limit), while those in flight when it dropped fail with DISCONNECTED.
import { buildClient } from '../../../main/api/client.ts';
import type { LabClient, Subscribe } from '../../../main/api/client.ts';
import type { Envelope } from '../../../main/api/envelope.ts';
import type { LabEventName } from '../../../main/api/contract.ts';
import { WS_PATH } from '../../../main/api/ws-protocol.ts';
import type { ServerFrame } from '../../../main/api/ws-protocol.ts';
import { takeSessionToken } from './session-token.ts';

export interface WsClientOptions {
  /** How long one request may wait for its answer. */
  requestTimeoutMs?: number;
  /** Longest pause between reconnection attempts. */
  maxBackoffMs?: number;
  /** For tests: the WebSocket constructor. */
  createSocket?: (url: string) => WebSocket;
}

const lostEnvelope: Envelope = {
  error: {
    name: 'LabError',
    code: 'DISCONNECTED',
    message: 'The connection to kubelab was lost.',
    fix: 'kubelab reconnects by itself; if it does not, check that `kubelab serve` is still running, then reload the page.',
  },
};

function timeoutEnvelope(channel: string, ms: number): Envelope {
  return {
    error: {
      name: 'LabError',
      code: 'TIMEOUT',
      message: `kubelab did not answer ${channel} within ${Math.round(ms / 1000)} s.`,
      fix: 'Try again; if it keeps happening, look at the terminal running `kubelab serve`.',
    },
  };
}

export function connectWebSocket(
  location: Location = window.location,
  options: WsClientOptions = {},
): Promise<LabClient> {
  const requestTimeoutMs = options.requestTimeoutMs ?? 60_000;
  const maxBackoffMs = options.maxBackoffMs ?? 10_000;
  const createSocket = options.createSocket ?? ((url: string) => new WebSocket(url));
  const token = takeSessionToken({ location, history: window.history, storage: sessionStorage });
  const url = `${location.protocol === 'https:' ? 'wss' : 'ws'}://${location.host}${WS_PATH}?token=${encodeURIComponent(token)}`;
  const pending = new Map<number, (envelope: Envelope) => void>();
  const listeners = new Map<LabEventName, Set<(payload: unknown) => void>>();
  /** Frames asked for while the socket is not open: sent once it is. */
  const queued: string[] = [];
  let nextId = 1;
  let socket: WebSocket;
  let isOpen = false;
  let everOpened = false;
  let attempts = 0;

  return new Promise((resolve, reject) => {
    const open = (): void => {
      socket = createSocket(url);
      socket.addEventListener('open', () => {
        isOpen = true;
        attempts = 0;
        for (const frame of queued.splice(0)) socket.send(frame);
        if (!everOpened) {
          everOpened = true;
          resolve(client);
        }
      });
      socket.addEventListener('message', (message: MessageEvent<string>) => {
        let frame: ServerFrame;
        try {
          frame = JSON.parse(message.data) as ServerFrame;
        } catch {
          return; // not ours to answer; the server only sends JSON
        }
        if (frame.t === 'res') {
          pending.get(frame.id)?.(frame);
          pending.delete(frame.id);
        } else {
          for (const listener of listeners.get(frame.event) ?? []) listener(frame.payload);
        }
      });
      socket.addEventListener('close', () => {
        isOpen = false;
        for (const answer of pending.values()) answer(lostEnvelope);
        pending.clear();
        if (!everOpened) {
          reject(
            new Error(
              'Cannot connect to kubelab: is the token in the URL right and `kubelab serve` running?',
            ),
          );
          return;
        }
        const wait = Math.min(maxBackoffMs, 500 * 2 ** attempts++);
        setTimeout(open, wait);
      });
    };

    const on: Subscribe = (event, listener) => {
      const set = listeners.get(event) ?? new Set();
      listeners.set(event, set);
      const untyped = listener as (payload: unknown) => void;
      set.add(untyped);
      return () => set.delete(untyped);
    };

    const client = buildClient(
      'websocket',
      (channel, input) =>
        new Promise<Envelope>((answer) => {
          const id = nextId++;
          const timer = setTimeout(() => {
            pending.delete(id);
            answer(timeoutEnvelope(channel, requestTimeoutMs));
          }, requestTimeoutMs);
          pending.set(id, (envelope) => {
            clearTimeout(timer);
            answer(envelope);
          });
          const frame = JSON.stringify({ t: 'req', id, channel, input });
          if (isOpen) socket.send(frame);
          else queued.push(frame);
        }),
      on,
    );
    open();
  });
}
