// The main process's one source of pushed events; each transport subscribes and forwards.
import type { LabEventName, LabEvents } from './contract.ts';

export type AnyLabEvent = {
  [E in LabEventName]: { event: E; payload: LabEvents[E] };
}[LabEventName];
type Listener = (event: AnyLabEvent) => void;

export class EventBus {
  readonly #listeners = new Set<Listener>();

  emit<E extends LabEventName>(event: E, payload: LabEvents[E]): void {
    const message = { event, payload } as AnyLabEvent;
    for (const listener of this.#listeners) listener(message);
  }

  /** Returns the function that unsubscribes. */
  subscribe(listener: Listener): () => void {
    this.#listeners.add(listener);
    return () => this.#listeners.delete(listener);
  }
}
