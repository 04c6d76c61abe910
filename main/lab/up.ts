// `kubelab up`: create a lab, warm-start a stopped one, or repair a broken one — whichever the
// lab's Docker objects and state call for. Exits only when every node is Ready and CoreDNS
// answers. Learner data folders are never touched here.
//
// The start is a list of named actions (actions/plan.ts), one concern each, sharing one context
// (actions/action.ts) made before the first by actions/preflight.ts.
import type Docker from 'dockerode';
import type { UpContext } from './actions/action.ts';
import { runActions } from './actions/action.ts';
import { START_ACTIONS } from './actions/plan.ts';
import { preflight } from './actions/preflight.ts';
import { hostKubeconfigPath } from './kubeconfig.ts';
import { withLabLock } from './lock.ts';
import type { PhaseReport } from './phases.ts';
import { writeState } from './state.ts';

export interface UpOptions {
  lab: string;
  nodes?: number;
  onProgress?: (report: PhaseReport) => void;
  signal?: AbortSignal;
}

export interface UpResult {
  lab: string;
  start: 'cold' | 'warm' | 'resume';
  apiPort: number;
  kubeconfig: string;
  timings: Record<string, number>;
  totalSeconds: number;
}

export async function labUp(client: Docker, options: UpOptions): Promise<UpResult> {
  return withLabLock(options.lab, 'kubelab up', async () => {
    const started = Date.now();
    const ctx: UpContext = {
      ...(await preflight(client, options.lab, options.nodes)),
      onProgress: options.onProgress ?? (() => undefined),
      signal: options.signal,
      timings: {},
      background: {
        registryFill: null,
        registryStatus: '',
        // Replaced by `registry`, the first action to need it on every kind of start.
        pullThrough: Promise.resolve(false),
        restarted: {},
      },
    };
    // Written before any container exists: an interrupted start is then known to be unfinished.
    await writeState(ctx.state);
    const timings = await runActions(START_ACTIONS[ctx.kind], ctx);
    const totalSeconds = (Date.now() - started) / 1000;
    await writeState({ ...ctx.state, bootstrapped: true, lastUp: timings });
    return {
      lab: options.lab,
      // A repair is reported as what it is to the caller: a start without kubeadm init.
      start: ctx.kind === 'repair' ? 'warm' : ctx.kind,
      apiPort: ctx.state.apiPort,
      kubeconfig: hostKubeconfigPath(ctx.config),
      timings,
      totalSeconds,
    };
  });
}
