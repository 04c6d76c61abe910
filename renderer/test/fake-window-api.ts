// Component tests: the window API auto-mocked from the contract. The setup file installs ONE
// client on window.kubelab (the renderer caches it, as it would in Electron); each test says which
// methods answer with `fakeWindowApi({...})`, every other method rejects loudly naming itself, and
// `emitEvent` pushes an event to the listeners a component registered with `on`.
import type { LabApi, LabEventName, LabEvents } from '../../main/api/contract.ts';
import type { LabClient, Subscribe } from '../../main/api/client.ts';
import { fakeApi } from '../../main/api/fake-api.ts';

type Overrides = { [D in keyof LabApi]?: Partial<LabApi[D]> };

let current: LabApi = fakeApi();
const listeners = new Map<LabEventName, Set<(payload: unknown) => void>>();

/** Sets the methods that answer for the current test (the rest reject with NOT_IMPLEMENTED). */
export function fakeWindowApi(overrides: Overrides = {}): void {
  current = fakeApi(overrides);
}

export function emitEvent<E extends LabEventName>(event: E, payload: LabEvents[E]): void {
  for (const listener of listeners.get(event) ?? []) listener(payload);
}

export function resetWindowApi(): void {
  current = fakeApi();
  listeners.clear();
}

const on: Subscribe = (event, listener) => {
  const set = listeners.get(event) ?? new Set();
  listeners.set(event, set);
  const untyped = listener as (payload: unknown) => void;
  set.add(untyped);
  return () => set.delete(untyped);
};

/** A stable client whose methods look up the current test's fakes at call time. */
export function delegatingClient(): LabClient {
  const domains = Object.keys(fakeApi()) as (keyof LabApi)[];
  const client: Record<string, unknown> = { on, transport: 'electron' };
  for (const domain of domains) {
    client[domain] = new Proxy(
      {},
      {
        get: (_target, name: string) => (input: unknown) =>
          (current[domain] as Record<string, (input: unknown) => Promise<unknown>>)[name]?.(input),
      },
    );
  }
  return client as unknown as LabClient;
}
