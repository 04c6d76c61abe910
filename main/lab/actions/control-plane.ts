// control plane: `kubeadm init` on the control-plane node with the lab's generated config, then
// CoreDNS with the offline Corefile.
import { kubectlOk } from '../cluster.ts';
import { controlPlane } from '../config.ts';
import { initConfig } from '../kubeadm-config.ts';
import { writeHostKubeconfig } from '../kubeconfig.ts';
import { writeFileInNode } from '../node-exec.ts';
import { recordPodCidr } from '../node-setup.ts';
import type { Action } from './action.ts';
import { installCoreDns } from './ensure-addons.ts';
import { kubeadmRun } from './kubeadm.ts';

export const controlPlaneAction: Action = {
  name: 'control plane',
  weight: 10,
  run: async ({ client, config, state, report }) => {
    const cp = controlPlane(config);
    report('kubeadm init');
    await writeFileInNode(
      client,
      cp.container,
      '/kind/kubeadm.yaml',
      initConfig(config, state.token),
    );
    await kubeadmRun(client, config, cp, 'init', [
      'init',
      '--config',
      '/kind/kubeadm.yaml',
      '--skip-token-print',
    ]);
    await Promise.all([
      recordPodCidr(cp, (args) => kubectlOk(client, config, args)),
      writeHostKubeconfig(client, config, state.apiPort),
    ]);
    // Here rather than in the add-ons phase so CoreDNS starts while workers join.
    report('CoreDNS with the offline Corefile');
    await installCoreDns(client, config);
  },
};
