// The main process's one source of pushed events; each transport subscribes and forwards.
import type { LabEventName, LabEvents } from './contract.ts';

export type AnyLabEvent = {
  [E in LabEventName]: { event: E; payload: LabEvents[E] };
}[LabEventName];
/** `to` is set when the event is for one caller only (e.g. a terminal's output). */
type Listener = (event: AnyLabEvent, to?: string) => void;

export class EventBus {
  readonly #listeners = new Set<Listener>();

  /** Sends to every connected UI, or only to caller `to` when given. */
  emit<E extends LabEventName>(event: E, payload: LabEvents[E], to?: string): void {
    const message = { event, payload } as AnyLabEvent;
    for (const listener of this.#listeners) listener(message, to);
  }

  /** Returns the function that unsubscribes. */
  subscribe(listener: Listener): () => void {
    this.#listeners.add(listener);
    return () => this.#listeners.delete(listener);
  }
}
