// FROM and TO as a learner writes them, resolved against the lab: FROM is a pod ([NS/]NAME) or
// a node; TO is a pod, a Service (NAME[.NS]:PORT), a DNS name the cluster answers (a Service, a
// headless Service, a pod of a StatefulSet behind one), a node IP with a NodePort (IP:PORT), or
// an IP. Names are answered from the cluster's objects, as CoreDNS answers them.
import { LabError } from '../api/errors.ts';
import type { TraceHop } from '../api/schemas/trace.ts';
import type { Topology, TopologyPod, TopologyService } from '../lab/topology/types.ts';
import type { TraceRequest, TraceSource } from './path.ts';

const IPV4 = /^(\d{1,3})\.(\d{1,3})\.(\d{1,3})\.(\d{1,3})$/;
const CLUSTER_DOMAIN = 'cluster.local';

function isIp(text: string): boolean {
  const match = IPV4.exec(text);
  return match !== null && match.slice(1).every((part) => Number(part) <= 255);
}

function bad(message: string, fix: string): LabError {
  return new LabError('BAD_ARGUMENT', message, { fix });
}

function findPod(topology: Topology, ref: string): TopologyPod | null {
  const [ns, name] = ref.includes('/') ? ref.split('/', 2) : ['default', ref];
  return topology.pods.find((p) => p.namespace === ns && p.name === name) ?? null;
}

export function resolveSource(topology: Topology, from: string): TraceSource {
  const node = topology.nodes.find((n) => n.name === from);
  if (node) return { kind: 'node', node };
  const pod = findPod(topology, from);
  if (pod && !pod.hostNetwork) return { kind: 'pod', pod };
  throw bad(
    `FROM "${from}" is neither a node of the lab nor a pod${pod ? ' with its own network namespace (it uses the host network: trace from its node)' : ''}.`,
    `Nodes: ${topology.nodes.map((n) => n.name).join(', ')}; pods: kubectl get pods -A.`,
  );
}

/** A cluster DNS name: NAME.NS[.svc[.cluster.local]] or HOST.NAME.NS[.svc…] (headless). */
function dnsAnswer(
  topology: Topology,
  name: string,
): { service: TopologyService; ips: string[]; host: string | null } | null {
  const parts = name
    .replace(/\.$/, '')
    .replace(`.svc.${CLUSTER_DOMAIN}`, '')
    .replace(/\.svc$/, '')
    .split('.');
  const [first, second, third] = parts;
  const candidates: { host: string | null; svc: string; ns: string }[] = [];
  if (parts.length === 1 && first) candidates.push({ host: null, svc: first, ns: 'default' });
  if (parts.length === 2 && first && second) {
    candidates.push({ host: null, svc: first, ns: second });
    candidates.push({ host: first, svc: second, ns: 'default' });
  }
  if (parts.length === 3 && first && second && third)
    candidates.push({ host: first, svc: second, ns: third });
  for (const { host, svc, ns } of candidates) {
    const service = topology.services.find((s) => s.name === svc && s.namespace === ns);
    if (!service) continue;
    const headless = service.clusterIP === null || service.clusterIP === 'None';
    if (!headless && host === null) return { service, ips: [service.clusterIP!], host };
    const ready = service.endpoints.filter((e) => e.ready);
    const picked = host === null ? ready : ready.filter((e) => e.pod?.endsWith(`/${host}`));
    if (headless && picked.length > 0) return { service, ips: picked.map((e) => e.ip), host };
  }
  return null;
}

export function resolveTarget(
  topology: Topology,
  from: string,
  to: string,
  source: TraceSource,
  portFlag: number | undefined,
): TraceRequest {
  const base = { from, to, source, before: [] as TraceHop[] };
  const colon = to.lastIndexOf(':');
  const host = colon > 0 ? to.slice(0, colon) : to;
  const portText = colon > 0 ? to.slice(colon + 1) : undefined;
  if (portText !== undefined && !/^\d{1,5}$/.test(portText)) {
    throw bad(`TO "${to}": the port must be a number.`, 'Write NAME:PORT, e.g. web:80.');
  }
  const port = portText !== undefined ? Number(portText) : portFlag;
  if (isIp(host)) {
    if (port === undefined)
      throw bad(`TO "${to}" needs a port.`, `Write ${host}:PORT or add --port N.`);
    return { ...base, ip: host, port };
  }
  const pod = !host.includes('.') || host.includes('/') ? findPod(topology, host) : null;
  if (pod?.ip && colon <= 0) {
    return { ...base, ip: pod.ip, port: port ?? 80 };
  }
  const answer = dnsAnswer(topology, host);
  if (answer) {
    const servicePort = port ?? answer.service.ports[0]?.port;
    if (servicePort === undefined)
      throw bad(`Service ${answer.service.name} has no port.`, 'Name one: NAME:PORT.');
    const headless = answer.service.clusterIP === null || answer.service.clusterIP === 'None';
    // A headless Service's name answers with its pods' own addresses, and their ports.
    const ip = answer.ips[0]!;
    const targetPort = headless
      ? Number(answer.service.ports.find((p) => p.port === servicePort)?.targetPort ?? servicePort)
      : servicePort;
    const dnsHop: TraceHop = {
      action: 'dns',
      node: null,
      netns: 'cluster DNS',
      interface: null,
      what: `CoreDNS (kube-dns at 10.96.0.10) answers ${host}: ${answer.ips.join(', ')}${headless ? ' — a headless Service: the pods’ own addresses, no Service IP and no DNAT' : ' — the Service’s ClusterIP'}`,
      rule: answer.ips.map((a) => `${host}. A ${a}`).join('\n'),
      command: `kubectl exec ${source.kind === 'pod' ? `-n ${source.pod.namespace} ${source.pod.name}` : 'POD'} -- nslookup ${host}`,
      runIn: null,
      packets: null,
      seen: null,
    };
    // NAME[.NS]:PORT names the Service itself; a DNS name (…svc…) or a headless Service is
    // what a client resolves first, so the answer is a hop of its own.
    const asked = headless || /\.svc(\.|$)/.test(host);
    return {
      ...base,
      ip,
      port: Number.isFinite(targetPort) ? targetPort : servicePort,
      before: asked ? [dnsHop] : [],
    };
  }
  if (pod?.ip) return { ...base, ip: pod.ip, port: port ?? 80 };
  throw bad(
    `TO "${to}" is not a pod, a Service, a name the cluster's DNS answers, or an IP.`,
    'Examples: web-0 (a pod), web:80 (a Service), web.default.svc.cluster.local, 10.100.0.12:30080, 10.0.2.5:80.',
  );
}
