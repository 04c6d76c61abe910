// Composes the main process once: event bus, services, the API implementation and its dispatcher.
// Both transports (Electron IPC and browser-mode WebSocket) are fed from this one object.
import { EventBus } from './api/event-bus.ts';
import { createDispatcher } from './api/dispatcher.ts';
import type { Dispatch } from './api/dispatcher.ts';
import type { LabImplementation } from './api/contract.ts';
import { createLabApi, createServices } from './api/implementation.ts';
import type { LabServices } from './api/implementation.ts';

export interface LabApp {
  bus: EventBus;
  services: LabServices;
  api: LabImplementation;
  dispatch: Dispatch;
}

export function createApp(): LabApp {
  const bus = new EventBus();
  const services = createServices(bus);
  const api = createLabApi(services);
  return { bus, services, api, dispatch: createDispatcher(api) };
}
