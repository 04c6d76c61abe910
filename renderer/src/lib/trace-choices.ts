// What the Trace panel offers as FROM and TO, read from the topology the pane already polls, in
// the words `kubelab trace` takes (main/trace/resolve.ts): a pod as NS/NAME, a node by name, a
// Service as NAME.NS:PORT, a NodePort as NODE-IP:PORT. Pure, so the lists are tested alone.
import type {
  TopologyPodView,
  TopologyServiceView,
  TopologyView,
} from '../../../main/api/schemas/topology.ts';
import { isSystemNamespace } from './topology-layout.ts';

export interface TraceChoice {
  value: string;
  label: string;
}

export interface TraceChoiceGroup {
  label: string;
  choices: TraceChoice[];
}

/** A right-click on the picture: what to put in which picker (the other one gets the focus). */
export interface TracePick {
  role: 'source' | 'destination';
  value: string;
}

export interface ChoiceOptions {
  /** Offer kube-system and the other system namespaces too (as the picture does). */
  system: boolean;
}

function byName(
  a: { namespace: string; name: string },
  b: { namespace: string; name: string },
): number {
  return `${a.namespace}/${a.name}`.localeCompare(`${b.namespace}/${b.name}`);
}

/**
 * Pods a trace can start in or end at: with an IP of their own. A host-network pod shares its
 * node's namespace and address, so its node stands for it.
 */
function traceablePods(topology: TopologyView, options: ChoiceOptions): TopologyPodView[] {
  return topology.pods
    .filter((p) => !p.hostNetwork && p.ip !== null)
    .filter((p) => options.system || !isSystemNamespace(p.namespace))
    .sort(byName);
}

function podChoice(pod: TopologyPodView): TraceChoice {
  return { value: `${pod.namespace}/${pod.name}`, label: `${pod.namespace}/${pod.name}` };
}

/** Only TCP: a trace follows a TCP connection. */
function tcpPorts(service: Pick<TopologyServiceView, 'ports'>): TopologyServiceView['ports'] {
  return service.ports.filter((p) => p.protocol === 'TCP');
}

export function traceSources(topology: TopologyView, options: ChoiceOptions): TraceChoiceGroup[] {
  return [
    { label: 'Pods', choices: traceablePods(topology, options).map(podChoice) },
    {
      label: 'Nodes',
      choices: topology.nodes.map((n) => ({ value: n.name, label: `${n.name} (${n.ip})` })),
    },
  ].filter((g) => g.choices.length > 0);
}

export function traceDestinations(
  topology: TopologyView,
  options: ChoiceOptions,
): TraceChoiceGroup[] {
  const services = topology.services
    .filter((s) => options.system || !isSystemNamespace(s.namespace))
    .sort(byName);
  const nodePorts = services.flatMap((s) =>
    tcpPorts(s)
      .filter((p) => p.nodePort !== null)
      .flatMap((p) =>
        topology.nodes.map((n) => ({
          value: `${n.ip}:${p.nodePort}`,
          label: `${n.ip}:${p.nodePort} (${n.name}, NodePort of ${s.name})`,
        })),
      ),
  );
  return [
    {
      label: 'Services',
      choices: services.flatMap((s) =>
        tcpPorts(s).map((p) => {
          const value = serviceValue(s, p.port);
          return { value, label: value };
        }),
      ),
    },
    { label: 'Pods', choices: traceablePods(topology, options).map(podChoice) },
    { label: 'NodePorts', choices: nodePorts },
  ].filter((g) => g.choices.length > 0);
}

function serviceValue(service: { namespace: string; name: string }, port: number): string {
  return `${service.name}.${service.namespace}:${port}`;
}

/** "Trace to…" on a pod: it is the source. */
export function pickSource(pod: { namespace: string; name: string }): TracePick {
  return { role: 'source', value: `${pod.namespace}/${pod.name}` };
}

/** "Trace from…" on a Service: its first TCP port is the destination (null: it has none). */
export function pickDestination(
  service: Pick<TopologyServiceView, 'namespace' | 'name' | 'ports'>,
): TracePick | null {
  const port = tcpPorts(service)[0];
  return port ? { role: 'destination', value: serviceValue(service, port.port) } : null;
}

export function offers(groups: TraceChoiceGroup[], value: string): boolean {
  return groups.some((g) => g.choices.some((c) => c.value === value));
}
