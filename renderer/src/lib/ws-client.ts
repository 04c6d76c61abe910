// Browser-mode transport: the contract over one WebSocket, with request ids and pushed events.
import { buildClient } from '../../../main/api/client.ts';
import type { LabClient, Subscribe } from '../../../main/api/client.ts';
import type { Envelope } from '../../../main/api/envelope.ts';
import type { LabEventName } from '../../../main/api/contract.ts';
import { WS_PATH } from '../../../main/api/ws-protocol.ts';
import type { ServerFrame } from '../../../main/api/ws-protocol.ts';
import { takeSessionToken } from './session-token.ts';

export function connectWebSocket(location: Location = window.location): Promise<LabClient> {
  const token = takeSessionToken({ location, history: window.history, storage: sessionStorage });
  const url = `${location.protocol === 'https:' ? 'wss' : 'ws'}://${location.host}${WS_PATH}?token=${encodeURIComponent(token)}`;
  const socket = new WebSocket(url);
  const pending = new Map<number, (envelope: Envelope) => void>();
  const listeners = new Map<LabEventName, Set<(payload: unknown) => void>>();
  let nextId = 1;

  socket.addEventListener('message', (message: MessageEvent<string>) => {
    const frame = JSON.parse(message.data) as ServerFrame;
    if (frame.t === 'res') {
      pending.get(frame.id)?.(frame);
      pending.delete(frame.id);
    } else {
      for (const listener of listeners.get(frame.event) ?? []) listener(frame.payload);
    }
  });
  socket.addEventListener('close', () => {
    const lost: Envelope = {
      error: {
        name: 'LabError',
        code: 'DISCONNECTED',
        message: 'The connection to kubelab was lost.',
        fix: 'Check that `kubelab serve` is still running, then reload the page.',
      },
    };
    for (const resolve of pending.values()) resolve(lost);
    pending.clear();
  });

  const on: Subscribe = (event, listener) => {
    const set = listeners.get(event) ?? new Set();
    listeners.set(event, set);
    const untyped = listener as (payload: unknown) => void;
    set.add(untyped);
    return () => set.delete(untyped);
  };

  return new Promise((resolve, reject) => {
    socket.addEventListener('open', () =>
      resolve(
        buildClient(
          'websocket',
          (channel, input) =>
            new Promise((answer) => {
              const id = nextId++;
              pending.set(id, answer);
              socket.send(JSON.stringify({ t: 'req', id, channel, input }));
            }),
          on,
        ),
      ),
    );
    socket.addEventListener('error', () =>
      reject(
        new Error(
          'Cannot connect to kubelab: is the token in the URL right and `kubelab serve` running?',
        ),
      ),
    );
  });
}
