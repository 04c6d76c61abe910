// Wires the contract to the services that do the work. Transports never call services directly.
import type { LabApi } from './contract.ts';
import type { EventBus } from './event-bus.ts';
import { engineStatus } from '../engine/status.ts';
import { runDoctor } from '../engine/doctor.ts';
import { OperationTracker } from '../operations.ts';

export interface LabServices {
  bus: EventBus;
  operations: OperationTracker;
}

export function createServices(bus: EventBus): LabServices {
  return { bus, operations: new OperationTracker(bus) };
}

export function createLabApi(services: LabServices): LabApi {
  return {
    engine: {
      status: () => engineStatus(),
      doctor: () => runDoctor(),
    },
    operations: {
      list: () => Promise.resolve(services.operations.list()),
    },
  };
}
