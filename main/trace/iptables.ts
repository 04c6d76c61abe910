// kube-proxy's NAT rules as `iptables-save -t nat` prints them, read into chains of rules that
// keep their verbatim text (a trace quotes the exact rule that did the work). Only what a trace
// follows is interpreted: destination, protocol, port, comment, the random probability and the
// DNAT target; everything else stays in the text.

export interface NatRule {
  chain: string;
  /** The rule exactly as iptables-save printed it, `-A CHAIN …`. */
  text: string;
  target: string;
  source: string | null;
  sourceNegated: boolean;
  destination: string | null;
  protocol: string | null;
  dport: number | null;
  comment: string | null;
  /** `-m statistic --mode random --probability P`. */
  probability: number | null;
  /** `-j DNAT --to-destination IP:PORT`. */
  toDestination: string | null;
  /** `-m addrtype --dst-type LOCAL`. */
  dstTypeLocal: boolean;
}

export type NatTable = Map<string, NatRule[]>;

/** Splits a rule line into words, keeping "quoted comments" whole (without the quotes). */
export function words(line: string): string[] {
  const out: string[] = [];
  const pattern = /"((?:[^"\\]|\\.)*)"|(\S+)/g;
  for (const match of line.matchAll(pattern)) out.push(match[1] ?? match[2] ?? '');
  return out;
}

function parseRule(line: string): NatRule | null {
  const w = words(line);
  if (w[0] !== '-A' || !w[1]) return null;
  const rule: NatRule = {
    chain: w[1],
    text: line,
    target: '',
    source: null,
    sourceNegated: false,
    destination: null,
    protocol: null,
    dport: null,
    comment: null,
    probability: null,
    toDestination: null,
    dstTypeLocal: false,
  };
  let i = 1;
  const take = (): string => w[++i] ?? '';
  while (++i < w.length) {
    const word = w[i];
    if (word === '!' && w[i + 1] === '-s') {
      i++;
      rule.sourceNegated = true;
      rule.source = take();
    } else if (word === '-s') rule.source = take();
    else if (word === '-d') rule.destination = take();
    else if (word === '-p') rule.protocol = take();
    else if (word === '--dport') rule.dport = Number(take());
    else if (word === '--comment') rule.comment = take();
    else if (word === '--probability') rule.probability = Number(take());
    else if (word === '--to-destination') rule.toDestination = take();
    else if (word === '--dst-type') rule.dstTypeLocal = take() === 'LOCAL';
    else if (word === '-j') rule.target = take();
  }
  return rule;
}

/** The nat table's chains, each with its rules in order (chains declared but empty included). */
export function parseNat(text: string): NatTable {
  const table: NatTable = new Map();
  let inNat = false;
  for (const raw of text.split('\n')) {
    const line = raw.trim();
    if (line.startsWith('*')) inNat = line === '*nat';
    else if (!inNat) continue;
    else if (line.startsWith(':')) {
      const name = line.slice(1).split(/\s/)[0];
      if (name && !table.has(name)) table.set(name, []);
    } else if (line.startsWith('-A ')) {
      const rule = parseRule(line);
      if (!rule) continue;
      const rules = table.get(rule.chain) ?? [];
      rules.push(rule);
      table.set(rule.chain, rules);
    }
  }
  return table;
}

function hostAddress(cidr: string | null): string | null {
  if (cidr === null) return null;
  return cidr.endsWith('/32') ? cidr.slice(0, -3) : cidr;
}

/** The KUBE-SERVICES rule that sends IP:PORT/PROTO to its Service chain. */
export function serviceRule(
  nat: NatTable,
  ip: string,
  port: number,
  protocol = 'tcp',
): NatRule | null {
  return (
    (nat.get('KUBE-SERVICES') ?? []).find(
      (rule) =>
        hostAddress(rule.destination) === ip &&
        rule.dport === port &&
        (rule.protocol ?? 'tcp') === protocol &&
        /^KUBE-(SVC|SVL|EXT|FW)-/.test(rule.target),
    ) ?? null
  );
}

/** The KUBE-NODEPORTS rule for a NodePort. */
export function nodePortRule(nat: NatTable, port: number, protocol = 'tcp'): NatRule | null {
  return (
    (nat.get('KUBE-NODEPORTS') ?? []).find(
      (rule) =>
        rule.dport === port &&
        (rule.protocol ?? 'tcp') === protocol &&
        // kube-proxy adds a rule for NodePorts reached on 127.0.0.0/8: not this packet's.
        rule.destination === null &&
        /^KUBE-(EXT|SVC)-/.test(rule.target),
    ) ?? null
  );
}

export interface EndpointChoice {
  /** The rule in the Service chain that jumps to this endpoint's chain. */
  rule: NatRule;
  /** The chance this rule is taken when reached (null: taken whenever reached, the last one). */
  probability: number | null;
  /** The chance of this endpoint overall (the product along the chain). */
  share: number;
  /** The DNAT rule of the endpoint chain. */
  dnat: NatRule;
  /** IP:PORT the packet is rewritten to. */
  destination: string;
}

/** A KUBE-EXT chain leads to its KUBE-SVC chain (after marking for masquerade). */
export function serviceChainOf(nat: NatTable, chain: string): { chain: string; via: NatRule[] } {
  const via: NatRule[] = [];
  let current = chain;
  for (let depth = 0; depth < 4 && !/^KUBE-(SVC|SVL)-/.test(current); depth++) {
    const jump = (nat.get(current) ?? []).find((rule) => /^KUBE-(SVC|SVL|EXT)-/.test(rule.target));
    if (!jump) break;
    via.push(jump);
    current = jump.target;
  }
  return { chain: current, via };
}

/** The endpoints a Service chain picks from, each with its rule, chance and DNAT. */
export function endpointChoices(nat: NatTable, serviceChain: string): EndpointChoice[] {
  const choices: EndpointChoice[] = [];
  let remaining = 1;
  for (const rule of nat.get(serviceChain) ?? []) {
    if (!rule.target.startsWith('KUBE-SEP-')) continue;
    const dnat = (nat.get(rule.target) ?? []).find((r) => r.target === 'DNAT');
    if (!dnat?.toDestination) continue;
    const chance = rule.probability ?? 1;
    choices.push({
      rule,
      probability: rule.probability,
      share: remaining * chance,
      dnat,
      destination: dnat.toDestination,
    });
    remaining *= 1 - chance;
  }
  return choices;
}

/** The rule that masquerades marked packets on their way out (KUBE-POSTROUTING). */
export function masqueradeRule(nat: NatTable): NatRule | null {
  return (nat.get('KUBE-POSTROUTING') ?? []).find((rule) => rule.target === 'MASQUERADE') ?? null;
}
