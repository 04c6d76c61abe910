import { spawnSync } from 'node:child_process';
import { readFile } from 'node:fs/promises';
import type { VerbRun } from '../command.ts';
import { requireEngine } from '../../engine/docker.ts';
import { controlPlane } from '../../lab/config.ts';
import { apiReachable, ensureHostKubectl } from '../../lab/host-kubectl.ts';
import { hostKubeconfigPath } from '../../lab/kubeconfig.ts';
import { existingLabConfig } from '../../lab/state.ts';
import { runInteractive } from './interactive.ts';
import { yellow } from '../output.ts';
import type { kubectlFlags } from '../verbs/kubectl.ts';
import { labName } from './lab-args.ts';

// The lab's own kubectl runs here, on the learner's machine, in their folder, with the lab's
// kubeconfig: local files, -k DIR, plugins and stdin work. Where it cannot (another OS or
// architecture, or an API this machine cannot reach), kubectl runs inside the node, and says so.
export const run: VerbRun<typeof kubectlFlags> = async ({ values, passthrough }) => {
  const lab = labName(values.lab);
  const client = await requireEngine();
  const config = await existingLabConfig(lab);
  const container = controlPlane(config).container;
  const kubeconfig = hostKubeconfigPath(config);
  const host = await ensureHostKubectl(client, container);
  const why =
    'unavailable' in host
      ? host.unavailable
      : (await apiReachable(await readFile(kubeconfig, 'utf8').catch(() => '')))
        ? null
        : `the lab's API server is not reachable from this machine (see ${kubeconfig})`;
  if ('path' in host && why === null) {
    const result = spawnSync(host.path, passthrough, {
      stdio: 'inherit',
      env: { ...process.env, KUBECONFIG: kubeconfig },
    });
    return result.status ?? 1;
  }
  console.error(
    yellow(
      `kubelab: ${why}; kubectl runs inside the control-plane node (files on this machine are not there: use -f - <FILE)`,
    ),
  );
  return runInteractive(container, ['kubectl', ...passthrough]);
};
