// A control plane brought back from a full stop (`down`, then `up`): its controller manager and
// scheduler are new processes with new identities, and client-go's leader election makes a newcomer wait one whole
// lease duration (15 s) from when it first sees the lease, however old the holder's last renewal
// — the holder died with the node container and will never release it. That wait was most of a
// warm start: EndpointSlices (so CoreDNS's Service) stay stale until the controller manager leads
// (`kubelab bench` profile, 2026-12-03: ready 16.5 s of a 27.7 s warm start, the lease taken over
// 20 s after the controller manager started). Deleting both leases once the API answers lets the
// new instances create them at their next try (≤ 1 s, kubeadm-config.ts LEADER_RETRY). A live
// holder is not harmed: finding its lease gone, it creates it again and keeps leading.
import type Docker from 'dockerode';
import { kubectlOk } from '../cluster.ts';
import type { LabConfig } from '../config.ts';
import { controlPlane } from '../config.ts';
import type { FoundNode } from '../discover.ts';
import { ApiUnreachableError, kubeApiFor } from '../kube-api.ts';

/** kubeadm's single-control-plane components that elect a leader through a Lease. */
export const CONTROL_PLANE_LEASES = ['kube-controller-manager', 'kube-scheduler'] as const;

/** Only when this start brought the control-plane container up from stopped (not a resume). */
export function leasesAreStale(
  kind: 'cold' | 'warm' | 'repair' | 'resume',
  config: LabConfig,
  found: ReadonlyMap<string, FoundNode>,
): boolean {
  if (kind !== 'warm' && kind !== 'repair') return false;
  return found.get(controlPlane(config).name)?.running === false;
}

export function deleteLeasesArgs(): string[] {
  return [
    '-n',
    'kube-system',
    'delete',
    'lease',
    ...CONTROL_PLANE_LEASES,
    '--ignore-not-found',
    '--wait=false',
  ];
}

/** The lease's path in the API (what `kubectl delete lease NAME -n kube-system` deletes). */
export function leasePath(name: string): string {
  return `/apis/coordination.k8s.io/v1/namespaces/kube-system/leases/${name}`;
}

/**
 * Deletes both leases: straight from the host where it can reach the API (a few ms — the
 * controller manager takes the lease at its next try, so every moment here delays CoreDNS's
 * EndpointSlice), else with kubectl in the control-plane node.
 */
export async function releaseStaleLeases(client: Docker, config: LabConfig): Promise<void> {
  const api = await kubeApiFor(config);
  if (api) {
    try {
      const answers = await Promise.all(
        CONTROL_PLANE_LEASES.map((name) => api.delete(leasePath(name))),
      );
      const failed = answers.find((answer) => answer.status !== 200 && answer.status !== 404);
      if (!failed) return;
    } catch (error) {
      if (!(error instanceof ApiUnreachableError)) throw error;
    }
  }
  await kubectlOk(client, config, deleteLeasesArgs());
}
