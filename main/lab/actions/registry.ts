// registry: start the lab's registry, and start pushing every workload image it lacks — in the
// background, beside node creation and kubeadm (no node needs a workload image before the lab
// is ready); the `images` action at the end waits for it. On a first lab the push (one docker
// save streamed into the registry, ≈ 20 s alone) adds ≈ 8 s to a cold start (bench first_lab_push_s).
import { pullThroughUpstream, readPullThrough } from '../../images/pull-through-setting.ts';
import { ensurePullThrough, removePullThrough } from '../pull-through.ts';
import { ensureRegistry, syncRegistry } from '../registry.ts';
import type { Action } from './action.ts';
import { retryIfStalled } from './retry-if-stalled.ts';

export const registryAction: Action = {
  name: 'registry',
  weight: 1,
  run: async ({ client, config, missingWorkloads, report, background }) => {
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
    background.pullThrough = upstream !== null;
    if (missingWorkloads.length) {
      report(
        `not built, so not served: ${missingWorkloads.join(', ')} (kubelab images build ${missingWorkloads.join(' ')})`,
      );
    }
    // Pushes take minutes only when there is a lot to push; five is ample.
    const fill = retryIfStalled(
      'the lab registry to be filled',
      300_000,
      () =>
        syncRegistry(client, port, missingWorkloads, (message) => {
          background.registryStatus = message;
        }),
      () => (background.registryStatus = 'filling the registry stalled; trying once more'),
    );
    // Awaited by `images`; until then a failure must not surface as an unhandled rejection.
    fill.catch(() => undefined);
    background.registryFill = fill;
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
