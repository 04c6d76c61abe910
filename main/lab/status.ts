// `kubelab status`: what a lab is made of right now, and what is wrong with it.
import type Docker from 'dockerode';
import { pinnedVersions } from '../images/versions.ts';
import { kubectl } from './cluster.ts';
import { findNodes } from './discover.ts';
import { hostKubeconfigPath } from './kubeconfig.ts';
import { execInContainer } from './node-exec.ts';
import { readLab } from './state.ts';

export interface NodeStatus {
  name: string;
  role: string;
  container: string;
  containerState: string;
  ready: boolean | null;
  ip: string;
  podCidr: string;
  bridge: { name: string; ip: string | null } | null;
}

export interface LabStatus {
  lab: string;
  exists: boolean;
  nodes: NodeStatus[];
  apiEndpoint: string | null;
  kubeconfig: string | null;
  versions: { kubernetes: string; containerd: string; etcd: string; coredns: string };
  problems: string[];
}

async function bridgeOf(client: Docker, container: string): Promise<NodeStatus['bridge']> {
  const result = await execInContainer(client, container, [
    'sh',
    '-c',
    "ip -4 -o addr show dev cni0 2>/dev/null | awk '{print $4}'",
  ]);
  if (result.exitCode !== 0) return null;
  const ip = result.stdout.trim();
  return { name: 'cni0', ip: ip || null };
}

export async function labStatus(client: Docker, lab: string): Promise<LabStatus> {
  const v = pinnedVersions();
  const versions = {
    kubernetes: v.kubernetes,
    containerd: v.containerd,
    etcd: v.etcd,
    coredns: v.coredns,
  };
  const opened = await readLab(lab);
  if (!opened)
    return {
      lab,
      exists: false,
      nodes: [],
      apiEndpoint: null,
      kubeconfig: null,
      versions,
      problems: [`There is no lab "${lab}": run \`kubelab up --lab ${lab}\`.`],
    };
  const { state, config } = opened;
  const found = await findNodes(client, lab);
  const problems: string[] = [];
  let readiness = new Map<string, boolean>();
  const cp = found.get('control-plane');
  if (cp?.running) {
    const result = await kubectl(client, config, [
      'get',
      'nodes',
      '-o',
      'jsonpath={range .items[*]}{.metadata.name}={.status.conditions[?(@.type=="Ready")].status}{"\\n"}{end}',
    ]);
    if (result.exitCode === 0) {
      readiness = new Map(
        result.stdout
          .trim()
          .split('\n')
          .filter(Boolean)
          .map((line) => {
            const [name, ready] = line.split('=');
            return [name!, ready === 'True'];
          }),
      );
    } else {
      problems.push(`The API server does not answer: ${result.stderr.trim().split('\n')[0] ?? ''}`);
    }
  }
  const nodes: NodeStatus[] = [];
  for (const spec of config.nodes) {
    const container = found.get(spec.name);
    const running = container?.running === true;
    if (!container)
      problems.push(`Node ${spec.name}: its container is gone (kubelab up recreates it).`);
    else if (container.state === 'paused')
      problems.push(`Node ${spec.name} is suspended (kubelab up resumes it in seconds).`);
    else if (!running)
      problems.push(
        `Node ${spec.name}: its container is ${container.state} (kubelab up starts it).`,
      );
    const ready = readiness.has(spec.name) ? readiness.get(spec.name)! : null;
    if (running && ready === false) problems.push(`Node ${spec.name} is NotReady.`);
    if (running && cp?.running && ready === null && readiness.size)
      problems.push(`Node ${spec.name} is not registered in the cluster.`);
    nodes.push({
      name: spec.name,
      role: spec.role,
      container: spec.container,
      containerState: container?.state ?? 'missing',
      ready,
      ip: spec.ip,
      podCidr: spec.podCidr,
      bridge: running ? await bridgeOf(client, spec.container) : null,
    });
  }
  if (!state.bootstrapped)
    problems.push('The lab never finished starting: `kubelab up` rebuilds it.');
  return {
    lab,
    exists: true,
    nodes,
    apiEndpoint: `https://127.0.0.1:${state.apiPort}`,
    kubeconfig: hostKubeconfigPath(config),
    versions,
    problems,
  };
}
