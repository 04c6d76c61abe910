// Composes the main process once: event bus, services, the API implementation and its dispatcher.
// Both transports (Electron IPC and browser-mode WebSocket) are fed from this one object.
import { EventBus } from './api/event-bus.ts';
import { createDispatcher } from './api/dispatcher.ts';
import type { Dispatch } from './api/dispatcher.ts';
import type { LabImplementation } from './api/contract.ts';
import { createLabApi, createServices } from './api/implementation.ts';
import type { LabServices } from './api/implementation.ts';
import { authoringMode } from './scenarios/catalog-env.ts';
import { catalogRoots } from './scenarios/load.ts';
import { watchCatalog } from './scenarios/watch.ts';

export interface LabApp {
  bus: EventBus;
  services: LabServices;
  api: LabImplementation;
  dispatch: Dispatch;
  /** Stops what the app started besides requests (authoring mode's watcher). */
  close(): void;
}

export function createApp(): LabApp {
  const bus = new EventBus();
  const services = createServices(bus);
  const api = createLabApi(services);
  // Authoring mode: every UI reloads the catalogue (and the open step) when the folder changes.
  const watcher = authoringMode()
    ? watchCatalog(catalogRoots(), (changed) => bus.emit('catalogChanged', { changed }), {
        onError: (dir, error) =>
          console.error(`kubelab: cannot watch ${dir} for changes: ${error.message}`),
      })
    : null;
  return {
    bus,
    services,
    api,
    dispatch: createDispatcher(api),
    close: () => watcher?.close(),
  };
}
