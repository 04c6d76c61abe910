// resume: thaw the node containers `kubelab suspend` paused. Their processes go on where they
// stopped, so nothing restarts: no pod sandboxes, no kube-proxy or CoreDNS coming back.
import { writeDockerIoEntry } from '../pull-through.ts';
import { writeRegistryMirrors } from '../registry-mirrors.ts';
import type { Action } from './action.ts';

export const resumeAction: Action = {
  name: 'resume',
  weight: 1,
  run: async ({ client, found, report, background }) => {
    const paused = [...found.values()].filter((node) => node.state === 'paused');
    report(`resuming ${paused.map((node) => node.name).join(', ')}`);
    await Promise.all(paused.map((node) => client.getContainer(node.id).unpause()));
    // An image of a new registry host added while the lab slept has no mirror entry here yet.
    // …and the machine may have gone online or offline: docker.io's entry follows the proxy.
    const pullThrough = await background.pullThrough;
    await Promise.all(
      paused.map(async (node) => {
        await writeRegistryMirrors(client, node.container);
        await writeDockerIoEntry(client, node.container, pullThrough);
      }),
    );
  },
};
