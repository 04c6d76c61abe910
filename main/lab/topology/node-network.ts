// A node's interfaces, routes and pod veths, read in one `docker exec` (ip -j + CNI's cache).
import type { NodeInterface, NodeRoute } from './types.ts';

/** The script whose output `parseNodeNetwork` reads: three JSON sections. */
export const NODE_NETWORK_SCRIPT = `ip -j addr; echo '@@'; ip -j route; echo '@@';
for f in /var/lib/cni/results/*; do [ -f "$f" ] && cat "$f" && echo; done; true`;

interface IpAddr {
  ifname: string;
  link_type?: string;
  master?: string;
  linkinfo?: { info_kind?: string };
  addr_info?: Array<{ family: string; local: string; prefixlen: number }>;
}

interface CniCache {
  result?: {
    interfaces?: Array<{ name: string; sandbox?: string }>;
    ips?: Array<{ address: string }>;
  };
}

function kindOf(entry: IpAddr): NodeInterface['kind'] {
  if (entry.link_type === 'loopback') return 'loopback';
  if (entry.ifname === 'cni0' || entry.linkinfo?.info_kind === 'bridge') return 'bridge';
  if (entry.ifname.startsWith('veth') || entry.linkinfo?.info_kind === 'veth') return 'veth';
  if (entry.link_type === 'ether') return 'ethernet';
  return 'other';
}

/** host veth name → pod IP, from CNI's result cache. */
export function vethsByPodIp(cacheLines: string): Map<string, string> {
  const map = new Map<string, string>();
  for (const line of cacheLines.split('\n')) {
    if (!line.trim()) continue;
    try {
      const cache = JSON.parse(line) as CniCache;
      const veth = cache.result?.interfaces?.find((i) => !i.sandbox && i.name !== 'cni0')?.name;
      const ip = cache.result?.ips?.[0]?.address.split('/')[0];
      if (veth && ip) map.set(ip, veth);
    } catch {
      // a half-written cache file: skip it
    }
  }
  return map;
}

export function parseNodeNetwork(output: string): {
  interfaces: NodeInterface[];
  routes: NodeRoute[];
  vethByIp: Map<string, string>;
} {
  const [addrText = '[]', routeText = '[]', cacheText = ''] = output.split('@@');
  const addrs = JSON.parse(addrText.trim() || '[]') as IpAddr[];
  const routes = JSON.parse(routeText.trim() || '[]') as Array<{
    dst: string;
    gateway?: string;
    dev?: string;
  }>;
  return {
    interfaces: addrs.map((entry) => ({
      name: entry.ifname.split('@')[0]!,
      kind: kindOf(entry),
      addresses: (entry.addr_info ?? [])
        .filter((a) => a.family === 'inet')
        .map((a) => `${a.local}/${a.prefixlen}`),
      ...(entry.master ? { master: entry.master } : {}),
    })),
    routes: routes.map((route) => ({
      dst: route.dst,
      ...(route.gateway ? { via: route.gateway } : {}),
      ...(route.dev ? { dev: route.dev } : {}),
    })),
    vethByIp: vethsByPodIp(cacheText),
  };
}
