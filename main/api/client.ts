// Builds the typed API the UI calls from two transport primitives (invoke + subscribe). The same
// builder serves the Electron preload and the browser's WebSocket client, so both expose exactly
// the contract and both turn a wire error back into a real Error.
import { labApiContract } from './contract.ts';
import type { Channel, LabApi, LabEventName, LabEvents } from './contract.ts';
import type { Envelope } from './envelope.ts';
import { fromWireError } from './errors.ts';

export type Invoke = (channel: Channel, input: unknown) => Promise<Envelope>;
export type Subscribe = <E extends LabEventName>(
  event: E,
  listener: (payload: LabEvents[E]) => void,
) => () => void;

export type LabClient = LabApi & {
  on: Subscribe;
  /** 'electron' or 'websocket': the UI is otherwise identical. */
  readonly transport: 'electron' | 'websocket';
};

export function buildClient(
  transport: LabClient['transport'],
  invoke: Invoke,
  on: Subscribe,
): LabClient {
  const api: Record<string, Record<string, (input?: unknown) => Promise<unknown>>> = {};
  for (const [domain, methods] of Object.entries(labApiContract)) {
    const target: Record<string, (input?: unknown) => Promise<unknown>> = {};
    for (const name of Object.keys(methods)) {
      const channel = `${domain}:${name}` as Channel;
      target[name] = async (input?: unknown) => {
        const envelope = await invoke(channel, input ?? {});
        if ('error' in envelope) throw fromWireError(envelope.error);
        return envelope.result;
      };
    }
    api[domain] = target;
  }
  return Object.assign(api as unknown as LabApi, { on, transport });
}
