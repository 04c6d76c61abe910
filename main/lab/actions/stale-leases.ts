// A control plane brought back from a full stop (`down`, then `up`): its controller manager and
// scheduler are new processes with new identities, and client-go's leader election makes a newcomer wait one whole
// lease duration (15 s) from when it first sees the lease, however old the holder's last renewal
// — the holder died with the node container and will never release it. That wait was most of a
// warm start: EndpointSlices (so CoreDNS's Service) stay stale until the controller manager leads
// (`kubelab bench` profile, 2026-12-03: ready 16.5 s of a 27.7 s warm start, the lease taken over
// 20 s after the controller manager started). Deleting both leases once the API answers lets the
// new instances create them at their next try (≤ 2 s). A live holder is not harmed: finding its
// lease gone, it creates it again and keeps leading.
import type { LabConfig } from '../config.ts';
import { controlPlane } from '../config.ts';
import type { FoundNode } from '../discover.ts';

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
