import { describe, expect, it } from 'vitest';
import { NAT_SAVE, TOPOLOGY } from './fixtures.ts';
import { endpointChoices, parseNat, serviceChainOf, serviceRule, words } from './iptables.ts';
import type { Trace } from '../api/schemas/trace.ts';
import { tracePath } from './path.ts';
import { resolveSource, resolveTarget } from './resolve.ts';
import { parseRouteGet } from './route.ts';
import type { PolicyView, TraceIo } from './state.ts';

/** Routes as the lab's nodes answer them: own subnet on cni0, the others via their node. */
function routeGet(node: string, netns: string | null, dst: string): string {
  const own = { 'control-plane': 1, worker1: 2, worker2: 3 }[node] ?? 0;
  const subnet = Number(dst.split('.')[2]);
  if (netns !== null) {
    return dst.startsWith(`10.0.${own}.`)
      ? `${dst} dev eth0 src 10.0.${own}.9 uid 0`
      : `${dst} via 10.0.${own}.1 dev eth0 src 10.0.${own}.9 uid 0`;
  }
  if (dst === `10.100.0.1${own}`) return `local ${dst} dev lo src ${dst} uid 0`;
  if (dst.startsWith('10.0.') && subnet === own) return `${dst} dev cni0 src 10.0.${own}.1 uid 0`;
  return `${dst} via 10.100.0.1${subnet} dev eth0 src 10.100.0.1${own} uid 0`;
}

function io(policies: PolicyView[] = []): TraceIo {
  return {
    topology: TOPOLOGY,
    policies,
    nat: () => Promise.resolve(parseNat(NAT_SAVE)),
    routeGet: (node, netns, dst) => Promise.resolve(parseRouteGet(routeGet(node, netns, dst))),
    netnsOf: (pod) => Promise.resolve(`cni-${pod.name}`),
  };
}

async function trace(
  from: string,
  to: string,
  extra: { policies?: PolicyView[]; chosen?: string } = {},
): Promise<Trace> {
  const source = resolveSource(TOPOLOGY, from);
  const request = resolveTarget(TOPOLOGY, from, to, source, undefined);
  return tracePath(io(extra.policies), {
    ...request,
    ...(extra.chosen ? { chosen: extra.chosen } : {}),
  });
}

describe('the nat table', () => {
  const nat = parseNat(NAT_SAVE);

  it('keeps quoted comments whole', () => {
    expect(words('-A X -m comment --comment "a b" -j Y')).toEqual([
      '-A',
      'X',
      '-m',
      'comment',
      '--comment',
      'a b',
      '-j',
      'Y',
    ]);
  });

  it('finds the Service rule and its endpoints with their chances', () => {
    const rule = serviceRule(nat, '10.96.12.34', 80);
    expect(rule?.target).toBe('KUBE-SVC-WEB');
    const { chain } = serviceChainOf(nat, 'KUBE-EXT-WEB');
    expect(chain).toBe('KUBE-SVC-WEB');
    expect(endpointChoices(nat, chain).map((e) => [e.destination, e.share])).toEqual([
      ['10.0.2.5:80', 0.5],
      ['10.0.3.7:80', 0.5],
    ]);
  });
});

describe('tracePath', () => {
  it('pod → pod on one node: bridged on cni0, no routing', async () => {
    const t = await trace('client', 'web-a');
    expect(t.hops.map((h) => `${h.action}@${h.node}:${h.interface ?? ''}`)).toEqual([
      'send@worker1:eth0',
      'bridge@worker1:vethc1',
      'bridge@worker1:vetha1',
      'deliver@worker1:eth0',
    ]);
  });

  it('pod → pod across nodes: via the gateway, routed to the other node, bridged there', async () => {
    const t = await trace('client', 'web-b');
    expect(t.hops.map((h) => `${h.action}@${h.node}:${h.interface ?? ''}`)).toEqual([
      'send@worker1:eth0',
      'bridge@worker1:vethc1',
      'route@worker1:eth0',
      'route@worker2:eth0',
      'bridge@worker2:vethb1',
      'deliver@worker2:eth0',
    ]);
    expect(t.hops[2]?.rule).toBe('10.0.3.7 via 10.100.0.13 dev eth0 src 10.100.0.12 uid 0');
  });

  it('pod → ClusterIP: DNAT on the source node to an endpoint on another node, the reply un-NATed', async () => {
    const t = await trace('client', 'web:80');
    expect(t.chosen).toBe('10.0.3.7:80');
    expect(t.endpoints.map((e) => e.pod)).toEqual(['default/web-a', 'default/web-b']);
    const dnat = t.hops.find((h) => h.action === 'dnat');
    expect(dnat?.rule?.split('\n')).toEqual([
      expect.stringContaining('-A KUBE-SERVICES -d 10.96.12.34/32'),
      expect.stringContaining(
        '-A KUBE-SVC-WEB -m comment --comment "default/web:http -> 10.0.3.7:80"',
      ),
      expect.stringContaining('-j DNAT --to-destination 10.0.3.7:80'),
    ]);
    expect(t.hops.map((h) => h.action)).toEqual([
      'send',
      'bridge',
      'dnat',
      'route',
      'route',
      'bridge',
      'deliver',
      'reply',
    ]);
    expect(t.notes[0]).toContain('at random');
  });

  it('node → NodePort: KUBE-NODEPORTS, masquerade on the way out', async () => {
    const t = await trace('control-plane', '10.100.0.12:30080', { chosen: '10.0.3.7:80' });
    expect(t.hops.map((h) => h.action)).toEqual([
      'send',
      'route',
      'route',
      'dnat',
      'route',
      'snat',
      'route',
      'bridge',
      'deliver',
    ]);
    expect(t.hops[3]?.node).toBe('worker1');
    expect(t.hops[3]?.rule).toContain('-A KUBE-NODEPORTS -p tcp');
    expect(t.hops[5]?.rule).toContain('MASQUERADE');
  });

  it('pod → headless Service name: a DNS answer with the pod address, then no DNAT', async () => {
    const t = await trace('client', 'db.default.svc.cluster.local');
    expect(t.hops[0]?.action).toBe('dns');
    expect(t.hops[0]?.rule).toBe('db.default.svc.cluster.local. A 10.0.3.7');
    expect(t.target).toEqual({ ip: '10.0.3.7', port: 80, protocol: 'TCP' });
    expect(t.hops.some((h) => h.action === 'dnat')).toBe(false);
  });

  it('a NetworkPolicy that allows nothing drops it before the destination', async () => {
    const denyAll: PolicyView = {
      namespace: 'default',
      name: 'deny-web',
      podSelector: { matchLabels: { app: 'web' } },
      ingress: [],
    };
    const t = await trace('client', 'web-b', { policies: [denyAll] });
    expect(t.hops.map((h) => h.action).slice(-2)).toEqual(['route', 'policy']);
    expect(t.hops.at(-1)?.what).toContain('drop');
    const allowClient: PolicyView = {
      ...denyAll,
      ingress: [
        {
          from: [{ pods: { matchLabels: { app: 'client' } }, anyNamespace: false, cidr: null }],
          ports: [],
        },
      ],
    };
    const allowed = await trace('client', 'web-b', { policies: [allowClient] });
    expect(allowed.hops.map((h) => h.action).slice(-3)).toEqual(['policy', 'bridge', 'deliver']);
  });

  it('refuses what it cannot resolve, saying what it takes', () => {
    expect(() => resolveSource(TOPOLOGY, 'nobody')).toThrow('neither a node of the lab nor a pod');
    const source = resolveSource(TOPOLOGY, 'client');
    expect(() => resolveTarget(TOPOLOGY, 'client', 'nothing.here', source, undefined)).toThrow(
      'is not a pod, a Service',
    );
    expect(() => resolveTarget(TOPOLOGY, 'client', '10.0.3.7', source, undefined)).toThrow(
      'needs a port',
    );
  });
});
