// Live counters for a traced path (the Trace panel's "Live" switch): while the learner sends
// their own requests from a terminal, every hop that carries them lights up. Each hop with an
// interface gets a bounded tcpdump (at most WATCH_SECONDS and WATCH_PACKETS) in the right
// network namespace, counting only packets headed for the trace's destination (the address
// first sent to, or an endpoint after DNAT); the DNAT hop is counted by its own rule's packet
// counter. Counts are cumulative from the start; the panel lights what moved since its last
// read. Only the lab's nodes are touched; the captures stop by themselves, or when asked.
import { randomUUID } from 'node:crypto';
import type Docker from 'dockerode';
import type { Trace } from '../api/schemas/trace.ts';
import { LabError } from '../api/errors.ts';
import type { LabConfig } from '../lab/config.ts';
import { labTraceIo } from './lab-io.ts';
import { counters, hopKey, sh as probeSh } from './probe.ts';

export const WATCH_SECONDS = 300;
const WATCH_PACKETS = 100_000;
const DIR = '/tmp/kubelab-live';

interface WatchPoint {
  node: string;
  /** File name in the watch's folder on that node. */
  file: string;
  hops: number[];
}

interface Watch {
  lab: string;
  config: LabConfig;
  points: WatchPoint[];
  dnat: { node: string; rule: string; hop: number } | null;
  baseline: number;
  expiresAt: number;
  hopCount: number;
}

const watches = new Map<string, Watch>();

/** A script on a node, bounded at 20 s (each is a quick start, read or kill). */
const sh = (
  client: Docker,
  config: LabConfig,
  node: string,
  script: string,
): Promise<{ code: number; out: string }> => probeSh(client, config, node, script, 20_000);

/** pcap filter: TCP toward the trace's target or any of its endpoints (after DNAT). */
export function destinationFilter(trace: Trace): string {
  const destinations = [
    `${trace.target.ip}:${trace.target.port}`,
    ...trace.endpoints.map((e) => e.destination),
  ];
  const terms = [...new Set(destinations)].map((d) => {
    const [ip, port] = d.split(':') as [string, string];
    return `(dst host ${ip} and dst port ${port})`;
  });
  return `tcp and (${terms.join(' or ')})`;
}

function watchFor(id: string, lab: string): Watch {
  const watch = watches.get(id);
  if (!watch || watch.lab !== lab) {
    throw new LabError('BAD_REQUEST', 'That live trace has ended.', {
      fix: 'Switch Live on again.',
    });
  }
  return watch;
}

/** Starts the captures of a trace's hops; returns the watch's id and how long it runs. */
export async function startTraceWatch(
  client: Docker,
  lab: string,
  trace: Trace,
): Promise<{ id: string; seconds: number; hops: number[] }> {
  // Watches nobody read to their end (a closed window) are forgotten once their captures stopped.
  for (const [old, watch] of watches) if (Date.now() >= watch.expiresAt) watches.delete(old);
  const io = await labTraceIo(client, lab);
  const id = randomUUID().slice(0, 8);
  const filter = destinationFilter(trace);
  const byKey = new Map<
    string,
    { node: string; netns: string | null; iface: string; hops: number[] }
  >();
  for (const [index, hop] of trace.hops.entries()) {
    const key = hopKey(hop);
    if (!key || !hop.node || !hop.interface) continue;
    const known = byKey.get(key);
    if (known) {
      known.hops.push(index);
      continue;
    }
    let netns: string | null = null;
    if (hop.netns.startsWith('pod ')) {
      const [namespace, name] = hop.netns.slice(4).split('/') as [string, string];
      const pod = io.topology.pods.find((p) => p.namespace === namespace && p.name === name);
      netns = pod ? await io.netnsOf(pod) : null;
      if (!netns) continue;
    }
    byKey.set(key, { node: hop.node, netns, iface: hop.interface, hops: [index] });
  }
  const points: WatchPoint[] = [];
  let n = 0;
  for (const point of byKey.values()) {
    const file = `p${n++}`;
    const prefix = point.netns ? `ip netns exec ${point.netns} ` : '';
    // setsid and every stdio redirected: the capture outlives this exec; timeout and -c bound it.
    const script = `mkdir -p ${DIR}/${id} && (setsid ${prefix}timeout ${WATCH_SECONDS} tcpdump -i ${point.iface} -n -l -q -c ${WATCH_PACKETS} '${filter}' > ${DIR}/${id}/${file} 2>/dev/null < /dev/null & echo $! > ${DIR}/${id}/${file}.pid)`;
    const started = await sh(client, io.config, point.node, script);
    if (started.code === 0) points.push({ node: point.node, file, hops: point.hops });
  }
  // The DNAT hop's rule text is the chain of jumps kube-proxy wrote; its last, `-j DNAT`, counts
  // each new connection it rewrites.
  const dnatIndex = trace.hops.findIndex((h) => h.action === 'dnat' && h.rule && h.node);
  const dnatHop = dnatIndex >= 0 ? trace.hops[dnatIndex]! : null;
  const dnatRule = dnatHop?.rule?.split('\n').find((line) => line.includes('-j DNAT')) ?? null;
  const dnat = dnatHop && dnatRule ? { node: dnatHop.node!, rule: dnatRule, hop: dnatIndex } : null;
  const baseline = dnat
    ? (counters((await sh(client, io.config, dnat.node, 'iptables-save -c -t nat')).out).get(
        dnat.rule,
      ) ?? 0)
    : 0;
  watches.set(id, {
    lab,
    config: io.config,
    points,
    dnat,
    baseline,
    expiresAt: Date.now() + WATCH_SECONDS * 1000,
    hopCount: trace.hops.length,
  });
  const hops = [...points.flatMap((p) => p.hops), ...(dnat ? [dnat.hop] : [])].sort(
    (a, b) => a - b,
  );
  return { id, seconds: WATCH_SECONDS, hops };
}

/** Packets each hop has counted since the watch started (null: not watched); `ended` once it expired. */
export async function traceWatchCounts(
  client: Docker,
  lab: string,
  id: string,
): Promise<{ counts: Array<number | null>; ended: boolean }> {
  const watch = watchFor(id, lab);
  const counts: Array<number | null> = Array.from({ length: watch.hopCount }, () => null);
  const nodes = [...new Set(watch.points.map((p) => p.node))];
  await Promise.all(
    nodes.map(async (node) => {
      const files = watch.points.filter((p) => p.node === node);
      const script = files
        .map((p) => `printf '%s %s\\n' ${p.file} "$(grep -c . ${DIR}/${id}/${p.file} 2>/dev/null)"`)
        .join('; ');
      const out = (await sh(client, watch.config, node, script)).out;
      for (const line of out.split('\n')) {
        const [file, count] = line.trim().split(' ');
        const point = files.find((p) => p.file === file);
        if (point) for (const hop of point.hops) counts[hop] = Number(count) || 0;
      }
    }),
  );
  if (watch.dnat) {
    const save = (await sh(client, watch.config, watch.dnat.node, 'iptables-save -c -t nat')).out;
    counts[watch.dnat.hop] = Math.max(
      0,
      (counters(save).get(watch.dnat.rule) ?? 0) - watch.baseline,
    );
  }
  const ended = Date.now() >= watch.expiresAt;
  if (ended) await stopTraceWatch(client, lab, id);
  return { counts, ended };
}

/** Stops a watch's captures and removes their files (a watch that already ended is fine). */
export async function stopTraceWatch(client: Docker, lab: string, id: string): Promise<void> {
  const watch = watches.get(id);
  if (!watch || watch.lab !== lab) return;
  watches.delete(id);
  const nodes = [...new Set(watch.points.map((p) => p.node))];
  await Promise.all(
    nodes.map((node) =>
      sh(
        client,
        watch.config,
        node,
        `for f in ${DIR}/${id}/*.pid; do [ -f "$f" ] && kill "$(cat "$f")" 2>/dev/null; done; rm -rf ${DIR}/${id}; true`,
      ),
    ),
  );
}
