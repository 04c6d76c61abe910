// Where a preview connects: a Service's ClusterIP and port (kube-proxy in the node takes it from
// there to an endpoint), or for a headless Service its first ready endpoint's pod IP.
import type Docker from 'dockerode';
import { LabError } from '../api/errors.ts';
import { kubectl } from '../lab/cluster.ts';
import type { LabConfig } from '../lab/config.ts';

export interface PreviewTarget {
  host: string;
  port: number;
  /** What the page is, for titles and Host headers: "web.default.svc:80". */
  label: string;
}

interface ServiceJson {
  spec: {
    clusterIP?: string;
    ports?: Array<{ port: number; targetPort?: number | string; protocol?: string; name?: string }>;
  };
}
interface SliceList {
  items: Array<{
    endpoints?: Array<{ addresses: string[]; conditions?: { ready?: boolean } }>;
    ports?: Array<{ port?: number; name?: string }>;
  }>;
}

export async function previewTarget(
  client: Docker,
  config: LabConfig,
  namespace: string,
  service: string,
  port: number,
): Promise<PreviewTarget> {
  const got = await kubectl(client, config, [
    'get',
    'service',
    service,
    '-n',
    namespace,
    '-o',
    'json',
  ]);
  if (got.exitCode !== 0) {
    throw new LabError(
      'NO_SERVICE',
      `There is no Service "${service}" in namespace "${namespace}".`,
      {
        fix: `List them with \`kubectl get services -n ${namespace}\`.`,
      },
    );
  }
  const spec = (JSON.parse(got.stdout) as ServiceJson).spec;
  const servicePort = (spec.ports ?? []).find((p) => p.port === port);
  if (!servicePort || (servicePort.protocol ?? 'TCP') !== 'TCP') {
    const ports = (spec.ports ?? []).map((p) => `${p.port}/${p.protocol ?? 'TCP'}`).join(', ');
    throw new LabError('NO_SERVICE_PORT', `Service "${service}" has no TCP port ${port}.`, {
      fix: ports ? `Its ports are: ${ports}.` : 'It has no ports: add one to its spec.',
    });
  }
  const label = `${service}.${namespace}.svc:${port}`;
  if (spec.clusterIP && spec.clusterIP !== 'None') return { host: spec.clusterIP, port, label };
  // Headless: no virtual IP; talk to one ready pod on the port its slice names.
  const slices = JSON.parse(
    (
      await kubectl(client, config, [
        'get',
        'endpointslices',
        '-n',
        namespace,
        '-l',
        `kubernetes.io/service-name=${service}`,
        '-o',
        'json',
      ])
    ).stdout || '{"items":[]}',
  ) as SliceList;
  for (const slice of slices.items) {
    const podPort =
      slice.ports?.find((p) => p.name === servicePort.name)?.port ??
      (typeof servicePort.targetPort === 'number' ? servicePort.targetPort : port);
    const ready = slice.endpoints?.find((e) => e.conditions?.ready !== false);
    if (ready?.addresses[0]) return { host: ready.addresses[0], port: podPort, label };
  }
  throw new LabError('NO_ENDPOINTS', `Service "${service}" is headless and has no ready pod.`, {
    fix: `Check its selector and pods: \`kubectl get endpointslices -n ${namespace} -l kubernetes.io/service-name=${service}\`.`,
  });
}
