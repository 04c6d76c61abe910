// The preload exposes exactly the typed contract (built from its keys) and nothing else: no
// ipcRenderer, no Node. Runs sandboxed with contextIsolation on.
import { contextBridge, ipcRenderer } from 'electron';
import { buildClient } from '../api/client.ts';
import type { Subscribe } from '../api/client.ts';
import type { Envelope } from '../api/envelope.ts';
import { EVENT_CHANNEL } from './ipc-channels.ts';
import type { AnyLabEvent } from '../api/event-bus.ts';

const on: Subscribe = (event, listener) => {
  const handler = (_: unknown, message: AnyLabEvent): void => {
    if (message.event === event) (listener as (payload: unknown) => void)(message.payload);
  };
  ipcRenderer.on(EVENT_CHANNEL, handler);
  return () => ipcRenderer.removeListener(EVENT_CHANNEL, handler);
};

const client = buildClient(
  'electron',
  (channel, input) => ipcRenderer.invoke(channel, input) as Promise<Envelope>,
  on,
);
contextBridge.exposeInMainWorld('kubelab', client);
