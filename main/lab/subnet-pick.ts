// Which 10.100.<n>.0/24 a new lab takes: the lowest n that no other lab on this engine uses and
// that the host does not already route to some interface (another engine's lab on this host).
import type Docker from 'dockerode';
import { labNetworks } from './discover.ts';
import type { HostRoute } from './host-routes.ts';
import { hostRoutes } from './host-routes.ts';
import { LAB_NAME_LABEL } from '../engine/labels.ts';

const LAB_SUBNET = /^10\.100\.(\d+)\.0\/24$/;

export interface SubnetUse {
  /** Subnets of this engine's lab networks, with the lab each belongs to. */
  networks: { lab: string | undefined; subnet: string }[];
  routes: HostRoute[];
}

export function pickFreeSubnetIndex(lab: string, use: SubnetUse): number {
  const used = new Set<number>();
  const own = new Set<string>();
  for (const network of use.networks) {
    if (network.lab === lab) {
      // The lab's own bridge is routed on the host too; that route is not a conflict.
      own.add(network.subnet);
      continue;
    }
    const match = LAB_SUBNET.exec(network.subnet);
    if (match) used.add(Number(match[1]));
  }
  for (const route of use.routes) {
    if (own.has(route.cidr)) continue;
    const match = LAB_SUBNET.exec(route.cidr);
    if (match) used.add(Number(match[1]));
  }
  let index = 0;
  while (used.has(index)) index++;
  return index;
}

export async function pickSubnetIndex(client: Docker, lab: string): Promise<number> {
  const networks = (await labNetworks(client)).map((network) => ({
    lab: network.Labels?.[LAB_NAME_LABEL],
    subnet: network.IPAM?.Config?.[0]?.Subnet ?? '',
  }));
  return pickFreeSubnetIndex(lab, { networks, routes: await hostRoutes() });
}
