import { mkdtemp, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { hostRoutes, parseRouteTable } from './host-routes.ts';

// Captured from a host with Docker's default bridge, one lab network and a second engine's lab.
const TABLE = `Iface\tDestination\tGateway \tFlags\tRefCnt\tUse\tMetric\tMask\t\tMTU\tWindow\tIRTT
eth0\t00000000\t0100A8C0\t0003\t0\t0\t0\t00000000\t0\t0\t0
docker0\t000011AC\t00000000\t0001\t0\t0\t0\t0000FFFF\t0\t0\t0
br-1a2b3c4d5e6f\t0000640A\t00000000\t0001\t0\t0\t0\t00FFFFFF\t0\t0\t0
br-9f8e7d6c5b4a\t0001640A\t00000000\t0001\t0\t0\t0\t00FFFFFF\t0\t0\t0
`;

describe('parseRouteTable', () => {
  it('turns little-endian hex destinations and masks into CIDRs', () => {
    expect(parseRouteTable(TABLE)).toEqual([
      { iface: 'eth0', cidr: '0.0.0.0/0' },
      { iface: 'docker0', cidr: '172.17.0.0/16' },
      { iface: 'br-1a2b3c4d5e6f', cidr: '10.100.0.0/24' },
      { iface: 'br-9f8e7d6c5b4a', cidr: '10.100.1.0/24' },
    ]);
  });

  it('skips the header and malformed lines', () => {
    expect(parseRouteTable('Iface\tDestination\nbroken line\n\n')).toEqual([]);
  });
});

describe('hostRoutes', () => {
  it('reads a route table file', async () => {
    const dir = await mkdtemp(join(tmpdir(), 'kubelab-routes-'));
    await writeFile(join(dir, 'route'), TABLE);
    expect(await hostRoutes(join(dir, 'route'))).toHaveLength(4);
  });

  it('is empty where the file does not exist (the engine runs in a VM)', async () => {
    expect(await hostRoutes('/nonexistent/route')).toEqual([]);
  });
});
