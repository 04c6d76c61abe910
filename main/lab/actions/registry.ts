// registry: start the lab's registry beside the node containers, and then push every workload
// image it lacks — in the background, beside node creation and kubeadm (no node needs a workload
// image before the lab is ready). The phase itself only sets this going: `nodes` waits for the
// pull-through decision before it writes docker.io's mirror entry, and the `images` action at the
// end waits for what is left of the push. On a first lab the push (one docker save streamed into
// the registry, ≈ 20 s alone) adds ≈ 8–12 s to a cold start (bench first_lab_push_s).
import type Docker from 'dockerode';
import { pullThroughUpstream, readPullThrough } from '../../images/pull-through-setting.ts';
import type { LabConfig } from '../config.ts';
import { ensurePullThrough, removePullThrough } from '../pull-through.ts';
import { ensureRegistry, syncRegistry } from '../registry.ts';
import type { Action } from './action.ts';
import { retryIfStalled } from './retry-if-stalled.ts';

/** The registry running, and the pull-through cache started or removed as decided. */
async function startRegistry(
  client: Docker,
  config: LabConfig,
  report: (message: string) => void,
): Promise<{ port: number; pullThrough: boolean }> {
  // Asked beside the registry's start: offline, the answer is usually at once (no DNS).
  const decided = readPullThrough().then((setting) => pullThroughUpstream(setting));
  // The registry phase was seen to stall with nothing left to wait on: its readiness probe's
  // time limit did not hold the process open (fixed by abortAfter). It is idempotent, so a
  // stalled start is still given one more try, should anything else hang the same way.
  const port = await retryIfStalled(
    'the lab registry to start',
    60_000,
    () => ensureRegistry(client, config),
    () => report('the registry start stalled; trying once more'),
  );
  const { upstream, why } = await decided;
  if (upstream) {
    await ensurePullThrough(client, config, upstream);
    report(`pull-through cache of ${upstream} (${why})`);
  } else if (await removePullThrough(client, config)) {
    report(`no pull-through cache this time: ${why}`);
  }
  return { port, pullThrough: upstream !== null };
}

export const registryAction: Action = {
  name: 'registry',
  weight: 1,
  run: ({ client, config, missingWorkloads, report, background }) => {
    if (missingWorkloads.length) {
      report(
        `not built, so not served: ${missingWorkloads.join(', ')} (kubelab images build ${missingWorkloads.join(' ')})`,
      );
    }
    // Not awaited here: the ≈ 0.6 s of a registry start runs beside the node containers' start.
    const started = startRegistry(client, config, report);
    background.pullThrough = started.then(({ pullThrough }) => pullThrough);
    // Pushes take minutes only when there is a lot to push; five is ample.
    const fill = started.then(({ port }) =>
      retryIfStalled(
        'the lab registry to be filled',
        300_000,
        () =>
          syncRegistry(client, port, missingWorkloads, (message) => {
            background.registryStatus = message;
          }),
        () => (background.registryStatus = 'filling the registry stalled; trying once more'),
      ),
    );
    // Awaited by `nodes` (or `resume`) and `images`; should an earlier action fail first, a
    // failure here must not surface as an unhandled rejection.
    background.pullThrough.catch(() => undefined);
    fill.catch(() => undefined);
    background.registryFill = fill;
    return Promise.resolve();
  },
};

export const imagesAction: Action = {
  name: 'images',
  weight: 2,
  run: async ({ background, report }) => {
    if (!background.registryFill) return;
    const ticker = setInterval(() => {
      if (background.registryStatus) report(background.registryStatus);
    }, 1000);
    try {
      await background.registryFill;
    } finally {
      clearInterval(ticker);
    }
  },
};
