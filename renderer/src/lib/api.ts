// The renderer's one handle on the main process. In Electron the preload has put the typed API on
// window.kubelab; in a browser we open the WebSocket of `kubelab serve`. Nothing else differs.
import type { LabClient } from '../../../main/api/client.ts';
import { connectWebSocket } from './ws-client.ts';

declare global {
  interface Window {
    readonly kubelab?: Readonly<LabClient>;
  }
}

let client: Promise<LabClient> | undefined;

export function labApi(): Promise<LabClient> {
  client ??= window.kubelab ? Promise.resolve(window.kubelab) : connectWebSocket();
  return client;
}
