import { describe, expect, it } from 'vitest';
import { labConfig } from '../config.ts';
import { hostFolderOf } from './host-folder.ts';
import { parseNodeNetwork } from './node-network.ts';

const addr = JSON.stringify([
  {
    ifname: 'lo',
    link_type: 'loopback',
    addr_info: [{ family: 'inet', local: '127.0.0.1', prefixlen: 8 }],
  },
  {
    ifname: 'eth0@if12',
    link_type: 'ether',
    addr_info: [{ family: 'inet', local: '10.100.0.12', prefixlen: 24 }],
  },
  {
    ifname: 'cni0',
    link_type: 'ether',
    linkinfo: { info_kind: 'bridge' },
    addr_info: [{ family: 'inet', local: '10.0.2.1', prefixlen: 24 }],
  },
  { ifname: 'veth1a2b@if2', link_type: 'ether', master: 'cni0', addr_info: [] },
]);
const routes = JSON.stringify([
  { dst: 'default', gateway: '10.100.0.1', dev: 'eth0' },
  { dst: '10.0.1.0/24', gateway: '10.100.0.11', dev: 'eth0' },
]);
const cache = JSON.stringify({
  kind: 'cniCacheV1',
  result: {
    interfaces: [
      { name: 'cni0' },
      { name: 'veth1a2b' },
      { name: 'eth0', sandbox: '/var/run/netns/x' },
    ],
    ips: [{ address: '10.0.2.5/24' }],
  },
});

describe('parseNodeNetwork', () => {
  it('reads interfaces, routes and which veth serves which pod IP', () => {
    const parsed = parseNodeNetwork(`${addr}\n@@\n${routes}\n@@\n${cache}\nnot json\n`);
    expect(
      parsed.interfaces.map((i) => [i.name, i.kind, i.addresses.join(), i.master ?? '']),
    ).toEqual([
      ['lo', 'loopback', '127.0.0.1/8', ''],
      ['eth0', 'ethernet', '10.100.0.12/24', ''],
      ['cni0', 'bridge', '10.0.2.1/24', ''],
      ['veth1a2b', 'veth', '', 'cni0'],
    ]);
    expect(parsed.routes[1]).toEqual({ dst: '10.0.1.0/24', via: '10.100.0.11', dev: 'eth0' });
    expect(parsed.vethByIp.get('10.0.2.5')).toBe('veth1a2b');
  });
});

describe('hostFolderOf', () => {
  const config = labConfig('t', 2);
  it('maps /mnt, the learner home and dynamic volumes to folders on the host', () => {
    expect(hostFolderOf(config, 'worker1', '/mnt/data')).toBe(
      `${config.nodes[1]!.hostDirs.mnt}/data`,
    );
    expect(hostFolderOf(config, 'control-plane', '/home/learner/x')).toBe(
      `${config.nodes[0]!.hostDirs.home}/x`,
    );
    expect(hostFolderOf(config, null, '/var/lib/kubelab/volumes/pvc-1_default_data')).toBe(
      `${config.volumesDir}/pvc-1_default_data`,
    );
  });
  it('says null for paths that live only inside a node', () => {
    expect(hostFolderOf(config, 'worker1', '/data')).toBeNull();
    expect(hostFolderOf(config, null, '/mnt/data')).toBeNull();
  });
});
