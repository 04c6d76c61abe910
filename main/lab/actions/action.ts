// A lab start is a short list of named actions (kind's Action interface and its list of
// actions): each does one concern, reads and writes one shared context, and is run as a phase
// under its name (phases.ts: progress and timing). The lists for each kind of start are in
// plan.ts; what decides the kind, before any action runs, is preflight.ts.
import type Docker from 'dockerode';
import type { LabConfig } from '../config.ts';
import type { FoundNode } from '../discover.ts';
import type { NodeCreateOptions } from '../node-container.ts';
import { runPhases } from '../phases.ts';
import type { PhaseReport, PhaseReporter } from '../phases.ts';
import type { LabState } from '../state.ts';

/**
 * cold: kubeadm from scratch (a new lab, or one that never finished starting or lost its
 * control plane: rebuilt); warm: a bootstrapped lab whose node containers are all there;
 * repair: a bootstrapped lab whose workers are to be recreated (and joined) or removed.
 */
export type StartKind = 'cold' | 'warm' | 'repair' | 'resume';

export interface UpContext {
  /** The Docker engine the lab runs on. */
  client: Docker;
  config: LabConfig;
  kind: StartKind;
  /**
   * What lab.json says: written before the first action, and bootstrapped after the last. One
   * object for the whole start: what an action learns for the next start (add-ons sets
   * `addonsApplied`) is written with it after the last action.
   */
  state: LabState;
  /** The lab's node containers found (by label) before the first action, by node name. */
  found: ReadonlyMap<string, FoundNode>;
  /** Workload images that are not built: the registry cannot serve them (a warning only). */
  missingWorkloads: readonly string[];
  /** How node containers are created on this engine (the control plane adds its API port). */
  nodeOptions: Omit<NodeCreateOptions, 'apiPort'>;
  onProgress: (report: PhaseReport) => void;
  signal: AbortSignal | undefined;
  /** Seconds per action, by name, filled as each ends (the bench prints them by key). */
  timings: Record<string, number>;
  /** Work an action started that a later one waits for (shared: actions get copies of ctx). */
  background: BackgroundWork;
}

export interface BackgroundWork {
  /** Filling the registry with workload images: started by `registry`, awaited by `images`. */
  registryFill: Promise<void> | null;
  /** What the fill is doing now, for the action that waits for it. */
  registryStatus: string;
  /**
   * Whether the lab has a pull-through cache this start: set going by `registry`, settled once
   * the registry runs and the cache is started or removed; awaited by `nodes` (or `resume`)
   * before they write docker.io's mirror entry.
   */
  pullThrough: Promise<boolean>;
  /**
   * The stopped node containers `nodes` started, by node name, with when (epoch ms): their
   * kubelets report afresh after it, and `ready` counts only those reports for them (a stopped
   * lab's Node objects still say Ready from before the stop).
   */
  restarted: Record<string, number>;
}

/** What an action runs with: the shared context and a reporter for its own progress messages. */
export interface ActionContext extends UpContext {
  report: PhaseReporter;
}

export interface Action {
  /** The phase name: shown in progress, and the key of the action's time in `timings`. */
  readonly name: string;
  /** Relative weight for the progress bar (roughly its share of a cold start's time). */
  readonly weight: number;
  run(ctx: ActionContext): Promise<void>;
}

/** Runs the actions in order as phases; a cancelled signal stops before the next one. */
export function runActions(
  actions: readonly Action[],
  ctx: UpContext,
): Promise<Record<string, number>> {
  return runPhases(
    actions.map((action) => ({
      name: action.name,
      weight: action.weight,
      run: (report: PhaseReporter) => action.run({ ...ctx, report }),
    })),
    ctx.onProgress,
    ctx.signal,
    ctx.timings,
  );
}
