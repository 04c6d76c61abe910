// Creating a node container: kind's shape (hostname, /var volume, tmpfs /run and /tmp,
// /lib/modules, cgroups), with the powers the engine allows (privileged or explicit
// capabilities), a fixed IP on the lab network, and the learner's host folders bind-mounted.
import { existsSync } from 'node:fs';
import { mkdir } from 'node:fs/promises';
import type Docker from 'dockerode';
import type { NodeMode } from '../engine/node-mode.ts';
import { nodeSecurityConfig } from '../engine/node-mode.ts';
import type { LabConfig, NodeSpec } from './config.ts';
import { nodeLabels } from './labels.ts';
import { API_PORT_IN_NODE } from './kubeadm-config.ts';

export interface NodeCreateOptions {
  image: string;
  mode: NodeMode;
  cgroupVersion: '1' | '2' | null;
  /** Host port of the API server (control plane only). */
  apiPort?: number;
}

/** The node's /var volume (containerd's images, etcd, kubelet state): kept across restarts. */
export function varVolumeName(container: string): string {
  return `${container}-var`;
}

export async function createNode(
  client: Docker,
  config: LabConfig,
  node: NodeSpec,
  options: NodeCreateOptions,
): Promise<Docker.Container> {
  await mkdir(node.hostDirs.home, { recursive: true });
  await mkdir(node.hostDirs.mnt, { recursive: true });
  await mkdir(config.volumesDir, { recursive: true });
  const labels = nodeLabels(config, node);
  await client.createVolume({ Name: varVolumeName(node.container), Labels: labels });
  const binds = [
    `${varVolumeName(node.container)}:/var`,
    `${node.hostDirs.home}:${config.learnerHome}`,
    `${node.hostDirs.mnt}:/mnt`,
    // The same host folder at the same path in every node: a PV's folder is reachable from any
    // node, so dynamic PVs can bind Immediately (shared-filesystem mode of the provisioner).
    `${config.volumesDir}:${config.volumesPathInNode}`,
  ];
  if (existsSync('/lib/modules')) binds.push('/lib/modules:/lib/modules:ro');
  const host: Docker.HostConfig = {
    ...nodeSecurityConfig(options.mode),
    Binds: binds,
    Tmpfs: { '/run': 'rw,exec,mode=755', '/tmp': 'rw,exec,mode=1777' },
    RestartPolicy: { Name: 'no' },
    Init: false,
    NetworkMode: config.network.name,
    // cgroup v1: the host tree, read-write (runc creates pod cgroups in it); v2: a private
    // namespace, as kind does.
    ...(options.cgroupVersion === '1' ? { CgroupnsMode: 'host' } : { CgroupnsMode: 'private' }),
  };
  if (options.cgroupVersion === '1') host.Binds!.push('/sys/fs/cgroup:/sys/fs/cgroup:rw');
  if (options.apiPort !== undefined) {
    host.PortBindings = {
      [`${API_PORT_IN_NODE}/tcp`]: [{ HostIp: '127.0.0.1', HostPort: String(options.apiPort) }],
    };
  }
  return client.createContainer({
    name: node.container,
    Hostname: node.name,
    Image: options.image,
    Labels: labels,
    Tty: true,
    Env: ['container=docker', 'KUBECONFIG=/etc/kubernetes/admin.conf'],
    ExposedPorts: options.apiPort !== undefined ? { [`${API_PORT_IN_NODE}/tcp`]: {} } : {},
    HostConfig: host,
    NetworkingConfig: {
      EndpointsConfig: {
        [config.network.name]: { IPAMConfig: { IPv4Address: node.ip }, Aliases: [node.name] },
      },
    },
  });
}
