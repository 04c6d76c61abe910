// How soon the Topology pane shows a change: the pane's own request (topology:get naming the
// revision it shows) is waiting on the server when a Service is created with kubectl; the figure
// is from kubectl's return (what the learner sees as "done") to the answer that draws it.
import type Docker from 'dockerode';
import { kubectlOk, waitFor } from '../lab/cluster.ts';
import { existingLabConfig } from '../lab/state.ts';
import { collectTopology } from '../lab/topology/collect.ts';

export async function topologyChanges(
  client: Docker,
  lab: string,
  count: number,
): Promise<number[]> {
  const config = await existingLabConfig(lab);
  let revision: string | undefined;
  await waitFor('the topology watches to list', 30_000, async () => {
    revision = (await collectTopology(client, lab, { watch: true })).revision;
    return revision !== undefined;
  });
  const samples: number[] = [];
  for (let i = 0; i < count; i++) {
    const name = `bench-watched-${i}`;
    const waiting = collectTopology(client, lab, { watch: true, after: revision! });
    // The request is on the server and waiting before the change is made.
    await new Promise((resolve) => setTimeout(resolve, 300));
    await kubectlOk(client, config, ['create', 'service', 'clusterip', name, '--tcp=81:81']);
    const created = performance.now();
    let shown = await waiting;
    // Another change in the lab (a pod of an earlier figure going away) may have answered the
    // request first: ask again from that revision until the answer draws the Service.
    while (!shown.services.some((service) => service.name === name)) {
      if (performance.now() - created > 10_000)
        throw new Error(`no answer drew Service ${name} within 10 s of its creation`);
      shown = await collectTopology(client, lab, { watch: true, after: shown.revision! });
    }
    samples.push(performance.now() - created);
    await kubectlOk(client, config, ['delete', 'service', name]);
    // Start the next sample from a settled picture: the deletion's answer is not timed.
    revision = (await collectTopology(client, lab, { watch: true, after: shown.revision! }))
      .revision;
  }
  return samples;
}
