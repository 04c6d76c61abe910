// registry: start the lab's registry and push every workload image it lacks.
import { ensureRegistry, syncRegistry } from '../registry.ts';
import type { Action } from './action.ts';
import { retryIfStalled } from './retry-if-stalled.ts';

export const registryAction: Action = {
  name: 'registry',
  weight: 3,
  run: async ({ client, config, missingWorkloads, report }) => {
    // The registry phase has been seen to stall with nothing left to wait on (cause not
    // found yet); it is idempotent, so a stalled start is given one more try.
    const port = await retryIfStalled(
      'the lab registry to start',
      60_000,
      () => ensureRegistry(client, config),
      () => report('the registry start stalled; trying once more'),
    );
    if (missingWorkloads.length) {
      report(
        `not built, so not served: ${missingWorkloads.join(', ')} (kubelab images build ${missingWorkloads.join(' ')})`,
      );
    }
    // Pushes take minutes only when there is a lot to push; five is ample.
    await retryIfStalled(
      'the lab registry to be filled',
      300_000,
      () =>
        syncRegistry(client, port, missingWorkloads, (name, i, n) =>
          report(`pushing ${name} (${i}/${n})`),
        ),
      () => report('filling the registry stalled; trying once more'),
    );
  },
};
