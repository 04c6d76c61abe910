// After a full stop, kubelet restarts CoreDNS with the node — before the API server is back and
// before kube-proxy has written the rule for the API server's Service (10.96.0.1). CoreDNS's
// first lists fail ("dial tcp 10.96.0.1:443") and client-go backs off 0.8, 1.6, 3.2, 6.4 s …,
// each with up to as much again of jitter: DNS came back 1.3–5 s into the ready phase, and now
// and then 13 s (a 19.1 s warm start in CI's bench, its ready line "CoreDNS 13.3 s"). So once the
// rule is there, a CoreDNS pod whose own ready endpoint still says no is told to reload
// (SIGUSR1): CoreDNS starts its plugins afresh, the kubernetes plugin with a new client that
// lists at once — same process, same pod, no restart. (Killing the container instead ran into
// kubelet's crash back-off: DNS 13–24 s late, measured.) The endpoint decides, not the API's
// Ready condition, which may still be the one from before the stop.
import type Docker from 'dockerode';
import type { LabConfig } from '../config.ts';
import { controlPlane } from '../config.ts';
import { nodeSh } from '../node-exec.ts';
import { StartReads } from '../start-reads.ts';
import { waitForApiServiceRule } from './ensure-addons.ts';

/** The port of CoreDNS's `ready` plugin (kubeadm's Corefile and the lab's). */
const READY_PORT = 8181;

interface DnsPod {
  metadata: { uid: string; name: string };
  spec?: { nodeName?: string };
  status?: { podIP?: string };
}

/** What a node runs for one pod: ask its ready endpoint; if it says no, reload it. Pure. */
export function reloadIfNotReadyScript(uid: string, podIp: string): string {
  const filter = `labels."io.kubernetes.pod.uid"==${uid},labels."io.kubernetes.container.name"==coredns`;
  return `code=$(curl -s -m 1 -o /dev/null -w '%{http_code}' http://${podIp}:${READY_PORT}/ready)
[ "$code" = 200 ] && exit 0
for id in $(ctr -n k8s.io containers ls -q '${filter}'); do
  ctr -n k8s.io tasks kill -s SIGUSR1 "$id" >/dev/null 2>&1 && echo reloaded
done
exit 0`;
}

/**
 * Reloads the CoreDNS pods still waiting for the API once every node they run on has the API
 * Service's rule. Returns the names of the pods it reloaded.
 */
export async function reloadCoreDnsWaitingForApi(
  client: Docker,
  config: LabConfig,
): Promise<string[]> {
  await waitForApiServiceRule(client, config);
  const reads = new StartReads(client, config);
  const list = await reads.json<{ items: DnsPod[] }>(
    '/api/v1/namespaces/kube-system/pods?labelSelector=k8s-app%3Dkube-dns',
    ['get', 'pods', '-n', 'kube-system', '-l', 'k8s-app=kube-dns'],
  );
  const reloaded = await Promise.all(
    list.items.map(async (pod) => {
      const node = config.nodes.find((n) => n.name === pod.spec?.nodeName);
      if (!node || !pod.status?.podIP) return null;
      if (node.container !== controlPlane(config).container)
        await waitForApiServiceRule(client, config, node.container);
      const said = await nodeSh(
        client,
        node.container,
        reloadIfNotReadyScript(pod.metadata.uid, pod.status.podIP),
      );
      return said.includes('reloaded') ? pod.metadata.name : null;
    }),
  );
  return reloaded.filter((name) => name !== null);
}
