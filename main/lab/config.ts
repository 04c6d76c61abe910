// Everything a lab needs is decided here, in one typed object, before any container exists
// (kind's rule). Scenarios may override the node count; the rest are the defaults the
// tutorials' pictures assume.
import { join } from 'node:path';
import { LabError } from '../api/errors.ts';
import { DEFAULT_LAB_NAME, isLabName } from '../api/schemas/lab-name.ts';
import { kubelabHome } from '../paths.ts';

/** The registry volume every lab's registry serves from (one per machine, shared by all labs). */
export const REGISTRY_VOLUME = 'kubelab-registry-data';
/**
 * Set by the bench alone: its first-lab figure starts a lab on an empty registry volume of its
 * own, as on a machine where no lab ran yet, without emptying the learner's.
 */
export const REGISTRY_VOLUME_ENV = 'KUBELAB_REGISTRY_VOLUME';

/** The registry volume labs and the scratch registry serve (the bench's own, when it sets one). */
export function registryVolume(): string {
  return process.env[REGISTRY_VOLUME_ENV] || REGISTRY_VOLUME;
}

export interface NodeSpec {
  /** Kubernetes node name and container hostname: control-plane, worker1, worker2. */
  name: string;
  role: 'control-plane' | 'worker';
  /** 1-based position; decides IP and pod subnet. */
  index: number;
  /** Container name: kubelab-<lab>-<name>. */
  container: string;
  ip: string;
  podCidr: string;
  /** The node's cni0 address (first address of its pod subnet). */
  bridgeIp: string;
  /** Host folders bind-mounted into the node. */
  hostDirs: { home: string; mnt: string };
}

export interface LabConfig {
  name: string;
  nodeCount: number;
  network: { name: string; subnet: string; gateway: string };
  registry: { container: string; ip: string; alias: string; volume: string };
  nodes: NodeSpec[];
  podNetwork: string;
  serviceSubnet: string;
  dnsServiceIp: string;
  clusterDomain: string;
  /** The lab's folder on the host: kubeconfig, state, learner data. */
  dir: string;
  /** One host folder mounted at the same path in every node: dynamic PVs live here. */
  volumesDir: string;
  volumesPathInNode: string;
  learnerHome: string;
}

export const MAX_NODES = 3;
export const DEFAULT_LAB = DEFAULT_LAB_NAME;

export function validateLabName(name: string): string {
  if (!isLabName(name)) {
    throw new LabError(
      'BAD_ARGUMENT',
      `Lab name "${name}" is not valid: use 1-32 lowercase letters, digits and dashes.`,
      { fix: 'Pick a name such as "default" or "web-lab".' },
    );
  }
  return name;
}

export function labDir(name: string): string {
  return join(kubelabHome(), 'labs', name);
}

/** subnetIndex picks 10.100.<n>.0/24 so several labs can exist side by side. */
export function labConfig(name: string, nodeCount: number, subnetIndex = 0): LabConfig {
  validateLabName(name);
  if (!Number.isInteger(nodeCount) || nodeCount < 1 || nodeCount > MAX_NODES) {
    throw new LabError('BAD_ARGUMENT', `--nodes must be 1 to ${MAX_NODES}, not ${nodeCount}.`, {
      fix: `Pass --nodes with a whole number from 1 to ${MAX_NODES}.`,
    });
  }
  const prefix = `10.100.${subnetIndex}`;
  const dir = labDir(name);
  const nodes: NodeSpec[] = [];
  for (let index = 1; index <= nodeCount; index++) {
    const nodeName = index === 1 ? 'control-plane' : `worker${index - 1}`;
    nodes.push({
      name: nodeName,
      role: index === 1 ? 'control-plane' : 'worker',
      index,
      container: `kubelab-${name}-${nodeName}`,
      ip: `${prefix}.${10 + index}`,
      podCidr: `10.0.${index}.0/24`,
      bridgeIp: `10.0.${index}.1`,
      hostDirs: {
        home: join(dir, 'nodes', nodeName, 'home'),
        mnt: join(dir, 'nodes', nodeName, 'mnt'),
      },
    });
  }
  return {
    name,
    nodeCount,
    network: { name: `kubelab-${name}`, subnet: `${prefix}.0/24`, gateway: `${prefix}.1` },
    registry: {
      container: `kubelab-${name}-registry`,
      ip: `${prefix}.2`,
      alias: 'registry.kubelab',
      volume: registryVolume(),
    },
    nodes,
    podNetwork: '10.0.0.0/16',
    // /16, not kubeadm's default /12: 10.96.0.0/12 runs up to 10.111.255.255 and so holds the
    // lab networks (10.100.N.0/24) — a Service could be given a node's address, and a packet to
    // a node would look like one to a Service.
    serviceSubnet: '10.96.0.0/16',
    dnsServiceIp: '10.96.0.10',
    clusterDomain: 'cluster.local',
    dir,
    volumesDir: join(dir, 'volumes'),
    volumesPathInNode: '/var/lib/kubelab/volumes',
    learnerHome: '/home/learner',
  };
}

export function controlPlane(config: LabConfig): NodeSpec {
  return config.nodes[0]!;
}

/** A node of the lab by name, or NO_NODE listing the lab's nodes. */
export function nodeNamed(config: LabConfig, name: string): NodeSpec {
  const spec = config.nodes.find((candidate) => candidate.name === name);
  if (!spec) {
    throw new LabError('NO_NODE', `Lab "${config.name}" has no node "${name}".`, {
      fix: `Its nodes are: ${config.nodes.map((n) => n.name).join(', ')}.`,
    });
  }
  return spec;
}
