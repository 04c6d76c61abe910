// The state several panels show, one store each per client (see resource.svelte.ts). What each
// refreshes after is what the panels refreshed after before they shared it.
import type { LabClient } from '../../../main/api/client.ts';
import type { EngineStatus } from '../../../main/api/schemas/engine.ts';
import type { ImageStatus } from '../../../main/api/schemas/images.ts';
import type { LabStatusView } from '../../../main/api/schemas/lab.ts';
import type { ProgressView, ScenarioView } from '../../../main/api/schemas/scenarios.ts';
import { perClient } from './per-client.ts';
import { Resource } from './resource.svelte.ts';

/** The Docker engine: read on mount and when asked (nothing pushes a change of it). */
export function engineStore(client: LabClient): Resource<EngineStatus> {
  return perClient(
    client,
    'engine',
    () => new Resource(client, { fetch: () => client.engine.status({}) }),
  );
}

/** The lab images: builds change them, and so does a workshop bundle's load. */
export function imagesStore(client: LabClient): Resource<ImageStatus[]> {
  return perClient(
    client,
    'images',
    () =>
      new Resource(client, {
        fetch: () => client.images.list({}),
        refreshAfter: ['images.', 'bundles.'],
      }),
  );
}

/** One lab's nodes and problems: its start, stop and reset change them. */
export function labStore(client: LabClient, lab: string): Resource<LabStatusView> {
  return perClient(
    client,
    `lab:${lab}`,
    () => new Resource(client, { fetch: () => client.lab.status({ lab }), refreshAfter: ['lab.'] }),
  );
}

/**
 * The scenarios (built-in and from bundles): a bundle's load adds some, and in authoring mode
 * every change to the watched folder re-reads them (the open step's text with them).
 */
export function scenariosStore(client: LabClient): Resource<ScenarioView[]> {
  return perClient(
    client,
    'scenarios',
    () =>
      new Resource(client, {
        fetch: () => client.scenarios.list({}),
        refreshAfter: ['bundles.'],
        refreshOn: ['catalogChanged'],
      }),
  );
}

/** The learner's progress in one lab: refreshed by whoever records a passed step. */
export function progressStore(client: LabClient, lab: string): Resource<ProgressView> {
  return perClient(
    client,
    `progress:${lab}`,
    () => new Resource(client, { fetch: () => client.scenarios.progress({ lab }) }),
  );
}
