// The order of a lab start, for each kind of start (preflight.ts decides which). The names and
// weights of these actions are the phases the CLI and the UI show and the keys of `timings`
// that the bench prints: a list may change only together with them. The workload images are
// pushed while the nodes start (registry starts it, images waits for what is left of it).
import type { Action, StartKind } from './action.ts';
import { addonsAction } from './addons.ts';
import { controlPlaneAction } from './control-plane.ts';
import { joinAction } from './join.ts';
import { networkAction } from './network.ts';
import { nodesAction } from './nodes.ts';
import { readyAction } from './ready.ts';
import { imagesAction, registryAction } from './registry.ts';
import { resumeAction } from './resume.ts';

export const START_ACTIONS: Readonly<Record<StartKind, readonly Action[]>> = {
  cold: [
    networkAction,
    registryAction,
    nodesAction,
    controlPlaneAction,
    joinAction,
    addonsAction,
    readyAction,
    imagesAction,
  ],
  // Without kubeadm: containers start, kubelab-init re-applies routes, kubelet and containerd
  // pick up their state from the /var volume.
  warm: [networkAction, registryAction, nodesAction, addonsAction, readyAction, imagesAction],
  // A warm start whose nodes action also recreates and joins missing workers and removes extra
  // ones — inside `nodes`, so its phases (and timing keys) are a warm start's.
  repair: [networkAction, registryAction, nodesAction, addonsAction, readyAction, imagesAction],
  // Every node was frozen with its processes and memory (kubelab suspend): thaw them, then the
  // same readiness wait as any start (kubelets renew their leases within seconds).
  resume: [registryAction, resumeAction, readyAction, imagesAction],
};
