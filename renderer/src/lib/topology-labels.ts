// What the Topology picture writes beside the shapes topology-layout.ts places: names for screen
// readers, port lists, the colour class of a pod's phase. Pure, so the words are tested alone.
import type { PodLayout, ServiceLayout } from './topology-layout.ts';

export type PhaseTone = 'ok' | 'warn' | 'fail';

export function phaseTone(phase: string): PhaseTone {
  if (phase === 'Running' || phase === 'Succeeded') return 'ok';
  if (phase === 'Pending') return 'warn';
  return 'fail';
}

/** "80:30080/TCP, 443/TCP": port, node port when there is one, protocol. */
export function servicePorts(service: Pick<ServiceLayout, 'ports'>): string {
  return service.ports
    .map((p) => `${p.port}${p.nodePort ? `:${p.nodePort}` : ''}/${p.protocol}`)
    .join(', ');
}

export function podLabel(pod: PodLayout): string {
  const veth = pod.veth ? `, veth ${pod.veth}` : '';
  const policies = pod.policies.length
    ? `, selected by NetworkPolicy ${pod.policies.join(', ')}`
    : '';
  return `Pod ${pod.id}, ${pod.phase}, IP ${pod.ip ?? 'none'} on ${pod.node}${veth}${policies}`;
}

export function serviceLabel(service: ServiceLayout): string {
  return (
    `Service ${service.id}, ${service.type}, ClusterIP ${service.clusterIP ?? 'none'}, ` +
    `ports ${servicePorts(service) || 'none'}`
  );
}

/** A position in the picture as a percentage of its size (the menu is an HTML overlay). */
export function percentOf(value: number, total: number): string {
  return `${((value / total) * 100).toFixed(2)}%`;
}
