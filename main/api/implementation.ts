// Wires the contract to the services that do the work. Transports never call services directly.
import type { LabImplementation } from './contract.ts';
import type { EventBus } from './event-bus.ts';
import { docker, requireEngine } from '../engine/docker.ts';
import { engineStatus } from '../engine/status.ts';
import { runDoctor } from '../engine/doctor.ts';
import { buildImages } from '../images/build.ts';
import { imageInventory } from '../images/inventory.ts';
import { labDown } from '../lab/down.ts';
import { labSuspend } from '../lab/suspend.ts';
import { labReset } from '../lab/reset.ts';
import { labStatus } from '../lab/status.ts';
import { labUp } from '../lab/up.ts';
import { OperationTracker } from '../operations.ts';
import type { OperationHandle } from '../operations.ts';
import { TerminalManager } from '../terminal/terminal-manager.ts';
import { listFolder, listRoots, readTextFile, writeTextFile } from '../files/files.ts';
import { existingLabConfig } from '../lab/state.ts';
import { collectTopology } from '../lab/topology/collect.ts';
import { traceRequest } from '../trace/trace.ts';
import { startTraceWatch, stopTraceWatch, traceWatchCounts } from '../trace/live.ts';
import { PreviewManager } from '../preview/preview-manager.ts';
import { scenarioViews } from './scenario-views.ts';
import { describeBundleFile, foundBundles } from './bundle-actions.ts';
import { trustDecision } from '../bundle/trust-policy.ts';
import { loadWorkshopBundle } from '../bundle/load.ts';
import { stepLiveValues } from '../checker/live-values.ts';
import { scenarioById } from '../scenarios/by-id.ts';
import { labProgressReport } from '../learner/lab-report.ts';
import { commandStatus, installCommand } from '../install/cli-command.ts';
import { readAppSettings, saveAppSettings } from '../learner/settings.ts';
import { contextName, mergeLabKubeconfig } from '../lab/kubeconfig-file.ts';
import {
  checkForUi,
  openStep,
  progressView,
  revealHint,
  solveForUi,
  verifyStepForUi,
} from './scenario-actions.ts';

export interface LabServices {
  bus: EventBus;
  operations: OperationTracker;
  terminals: TerminalManager;
  previews: PreviewManager;
}

export function createServices(bus: EventBus): LabServices {
  return {
    bus,
    operations: new OperationTracker(bus),
    terminals: new TerminalManager(bus, requireEngine),
    previews: new PreviewManager(requireEngine),
  };
}

/** Starts `work` in the background as a tracked operation and answers with its id at once. */
function background(
  services: LabServices,
  kind: string,
  firstPhase: string,
  work: (operation: OperationHandle) => Promise<string>,
): Promise<{ operationId: string }> {
  const operation = services.operations.start(kind, firstPhase);
  work(operation).then(
    (message) => operation.done(message),
    (error: unknown) => operation.fail(error),
  );
  return Promise.resolve({ operationId: operation.id });
}

/**
 * The app's "add the lab to my kubeconfig" (settings.mergeKubeconfig, on by default), said in
 * the up's final message. A kubeconfig that cannot be edited safely is not a failed start.
 */
async function mergeIfWanted(lab: string): Promise<string> {
  if (!(await readAppSettings()).mergeKubeconfig) return '';
  try {
    const path = await mergeLabKubeconfig(lab);
    return `; kubectl's current context is now ${contextName(lab)} (${path})`;
  } catch (error) {
    return `; not added to your kubeconfig: ${error instanceof Error ? error.message : String(error)}`;
  }
}

export function createLabApi(services: LabServices): LabImplementation {
  const { terminals } = services;
  return {
    engine: {
      status: () => engineStatus(),
      doctor: () => runDoctor(),
    },
    images: {
      list: async () => imageInventory(await requireEngine()),
      build: ({ names }) =>
        background(services, 'images.build', 'images', async (op) => {
          const results = await buildImages(
            await requireEngine(),
            names ?? [],
            (p) => op.update(p.image, p.overall * 100, p.step),
            op.signal,
          );
          const built = results.filter((r) => r.built).map((r) => r.image);
          return built.length ? `built ${built.join(', ')}` : 'every image is up to date';
        }),
    },
    bundles: {
      find: () => foundBundles(),
      inspect: ({ path }) => describeBundleFile(path),
      load: ({ path, trust }) =>
        background(services, 'bundles.load', 'verify', async (op) => {
          // The app asked the learner before calling (BundlePanel); what they said is `trust`.
          const result = await loadWorkshopBundle(await requireEngine(), path, {
            onProgress: (phase, percent, message) => op.update(phase, percent, message),
            decideTrust: trustDecision(trust),
          });
          return `loaded ${result.manifest.images.length} images and ${result.installedScenarios.length} scenarios in ${result.seconds.toFixed(0)} s`;
        }),
    },
    lab: {
      status: ({ lab }) => labStatus(docker(), lab ?? 'default'),
      up: ({ lab, nodes }) =>
        background(services, 'lab.up', 'starting', async (op) => {
          const result = await labUp(await requireEngine(), {
            lab: lab ?? 'default',
            ...(nodes !== undefined ? { nodes } : {}),
            signal: op.signal,
            onProgress: (r) => op.update(r.phase, r.percent, r.message),
          });
          const ready = `lab ready (${result.start} start, ${result.totalSeconds.toFixed(1)} s)`;
          return `${ready}${await mergeIfWanted(result.lab)}`;
        }),
      down: ({ lab, purge, data }) =>
        background(services, 'lab.down', 'stopping', async () => {
          await labDown(await requireEngine(), {
            lab: lab ?? 'default',
            purge: purge ?? false,
            data: data ?? false,
          });
          return purge ? 'lab removed' : 'lab stopped';
        }),
      suspend: ({ lab }) =>
        background(services, 'lab.suspend', 'suspending', async () => {
          const result = await labSuspend(await requireEngine(), lab ?? 'default');
          const memory =
            result.memoryBytes === null
              ? ''
              : `; ${(result.memoryBytes / 2 ** 20).toFixed(0)} MiB of memory kept`;
          return `suspended ${result.suspended.length} node(s)${memory}`;
        }),
      reset: ({ lab, data }) =>
        background(services, 'lab.reset', 'resetting', async () => {
          const result = await labReset(await requireEngine(), lab ?? 'default', data ?? false);
          return `reset in ${result.seconds.toFixed(1)} s`;
        }),
    },
    scenarios: {
      list: () => scenarioViews(),
      open: async ({ lab, scenario, step }) =>
        openStep(await requireEngine(), { lab: lab ?? 'default', scenario, step }),
      values: async ({ lab, scenario, step }) =>
        stepLiveValues(await requireEngine(), lab ?? 'default', await scenarioById(scenario), step),
      check: async ({ lab, scenario, step }) =>
        checkForUi(await requireEngine(), { lab: lab ?? 'default', scenario, step }),
      solve: ({ lab, scenario, step }) =>
        background(services, 'scenarios.solve', step, async (op) =>
          solveForUi(
            await requireEngine(),
            { lab: lab ?? 'default', scenario, step },
            (label) => op.update(step, 50, label),
            op.signal,
          ),
        ),
      verifyStep: ({ lab, scenario, step }) =>
        background(services, 'scenarios.verify-step', step, async (op) =>
          verifyStepForUi(
            await requireEngine(),
            { lab: lab ?? 'default', scenario, step },
            (phase) => op.update(step, 50, phase),
            op.signal,
          ),
        ),
      progress: ({ lab }) => progressView(lab ?? 'default'),
      report: ({ lab }) => labProgressReport(lab ?? 'default'),
      hint: ({ lab, scenario, step, shown }) =>
        revealHint({ lab: lab ?? 'default', scenario, step }, shown),
    },
    terminal: {
      open: (request, caller) => terminals.open(request, caller),
      write: ({ sessionId, data }, caller) => {
        terminals.write(sessionId, data, caller);
        return Promise.resolve({ ok: true });
      },
      ack: ({ sessionId, chars }, caller) => {
        terminals.ack(sessionId, chars, caller);
        return Promise.resolve({ ok: true });
      },
      resize: ({ sessionId, cols, rows }, caller) => {
        terminals.resize(sessionId, cols, rows, caller);
        return Promise.resolve({ ok: true });
      },
      close: ({ sessionId }, caller) => Promise.resolve({ ok: terminals.close(sessionId, caller) }),
    },
    topology: {
      get: async ({ lab, after }) =>
        collectTopology(await requireEngine(), lab, {
          watch: true,
          ...(after === undefined ? {} : { after }),
        }),
      trace: async ({ lab, from, to, port, probe }) =>
        traceRequest(await requireEngine(), lab, from, to, {
          ...(port === undefined ? {} : { port }),
          probe: probe === true,
        }),
      watchTrace: async ({ lab, trace }) => startTraceWatch(await requireEngine(), lab, trace),
      traceCounts: async ({ lab, id }) => traceWatchCounts(await requireEngine(), lab, id),
      unwatchTrace: async ({ lab, id }) => {
        await stopTraceWatch(await requireEngine(), lab, id);
        return { ok: true };
      },
    },
    files: {
      roots: async ({ lab }) => listRoots(await existingLabConfig(lab)),
      list: async ({ lab, root, path }) => listFolder(await existingLabConfig(lab), root, path),
      read: async ({ lab, root, path }) => readTextFile(await existingLabConfig(lab), root, path),
      write: async ({ lab, root, path, content }) =>
        writeTextFile(await existingLabConfig(lab), root, path, content),
    },
    preview: {
      open: (request) => services.previews.open(request),
    },
    app: {
      command: () => Promise.resolve(commandStatus()),
      installCommand: () => installCommand(),
      settings: () => readAppSettings(),
      saveSettings: (change) => saveAppSettings(change),
    },
    operations: {
      list: () => Promise.resolve(services.operations.list()),
      cancel: ({ operationId }) =>
        Promise.resolve({ cancelled: services.operations.cancel(operationId) }),
    },
  };
}
