// The lab's Docker bridge network: fixed subnet so node IPs survive restarts.
import type Docker from 'dockerode';
import { LabError } from '../api/errors.ts';
import { LAB_LABEL, LAB_NAME_LABEL, labLabels } from '../engine/labels.ts';
import type { LabConfig } from './config.ts';

export async function ensureNetwork(client: Docker, config: LabConfig): Promise<void> {
  const existing = await client.listNetworks({ filters: { name: [config.network.name] } });
  const match = existing.find((network) => network.Name === config.network.name);
  if (match) {
    if (match.Labels?.[LAB_NAME_LABEL] !== config.name || match.Labels?.[LAB_LABEL] === undefined) {
      throw new LabError(
        'NAME_TAKEN',
        `A Docker network named ${config.network.name} exists but is not this lab's.`,
        {
          fix: `Remove or rename it yourself (docker network rm ${config.network.name}) — kubelab never touches objects it did not create — or use another --lab name.`,
        },
      );
    }
    return;
  }
  try {
    await client.createNetwork({
      Name: config.network.name,
      Driver: 'bridge',
      CheckDuplicate: true,
      Labels: labLabels('network', config.name),
      IPAM: {
        Driver: 'default',
        Config: [{ Subnet: config.network.subnet, Gateway: config.network.gateway }],
      },
      Options: {
        'com.docker.network.bridge.enable_ip_masquerade': 'true',
        'com.docker.network.driver.mtu': '1500',
      },
    });
  } catch (error) {
    const message = error instanceof Error ? error.message : String(error);
    if (/overlap/i.test(message)) {
      throw new LabError(
        'SUBNET_IN_USE',
        `The lab subnet ${config.network.subnet} overlaps a Docker network that already exists.`,
        {
          fix: 'Remove the other network (docker network ls; docker network inspect …) or start this lab under another --lab name, which takes another subnet.',
        },
      );
    }
    throw error;
  }
}
