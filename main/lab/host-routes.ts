// Subnets the host already routes, read from Linux's /proc/net/route. A lab network must not
// take a subnet that is routed to some other interface on the same host — a second Docker
// engine's lab, a VPN — or the two bridges fight over the same addresses and packets for one
// lab's nodes leave through the other's bridge. Another engine's networks are invisible to
// this engine's API, so the routing table is the only place both show up.
import { readFile } from 'node:fs/promises';

export interface HostRoute {
  iface: string;
  /** Destination as a CIDR, e.g. 10.100.0.0/24. */
  cidr: string;
}

/** /proc/net/route stores addresses as little-endian hex: 0164A8C0 is 192.168.100.1. */
function hexToIpv4(hex: string): string {
  const value = Number.parseInt(hex, 16);
  return [value & 0xff, (value >>> 8) & 0xff, (value >>> 16) & 0xff, (value >>> 24) & 0xff].join(
    '.',
  );
}

function maskBits(hex: string): number {
  let value = Number.parseInt(hex, 16) >>> 0;
  let bits = 0;
  while (value) {
    bits += value & 1;
    value >>>= 1;
  }
  return bits;
}

export function parseRouteTable(text: string): HostRoute[] {
  const routes: HostRoute[] = [];
  for (const line of text.split('\n').slice(1)) {
    const fields = line.trim().split(/\s+/);
    if (fields.length < 8) continue;
    const [iface, destination, , , , , , mask] = fields as [string, string, ...string[]];
    if (!/^[0-9A-Fa-f]{8}$/.test(destination) || !/^[0-9A-Fa-f]{8}$/.test(mask!)) continue;
    routes.push({ iface, cidr: `${hexToIpv4(destination)}/${maskBits(mask!)}` });
  }
  return routes;
}

/** The host's routes; empty where there is no /proc/net/route (macOS, Windows: the engine runs in a VM). */
export async function hostRoutes(path = '/proc/net/route'): Promise<HostRoute[]> {
  try {
    return parseRouteTable(await readFile(path, 'utf8'));
  } catch {
    return [];
  }
}
