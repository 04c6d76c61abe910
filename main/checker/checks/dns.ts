// `dns`: a name resolves inside a pod (A records): to anything, to one address, or only to
// addresses in a CIDR. Uses getent (glibc images) or nslookup (busybox).
import type { DnsCheck } from '../../scenarios/schema.ts';
import type { LabContext } from '../lab-io.ts';
import { execInPod } from '../lab-io.ts';
import type { Verdict } from '../result.ts';
import { oneLine } from '../text.ts';
import type { Evaluation } from './evaluation.ts';
import { kubectlExecPrefix } from './exec.ts';
import { podProblem } from './pod-target.ts';

const MARK = '@@kubelab:';

/** Runs as `sh -c SCRIPT sh NAME`. */
export const DNS_PROBE_SCRIPT = `if command -v getent >/dev/null 2>&1; then
  echo '${MARK}tool getent'; getent ahostsv4 "$1"
elif command -v nslookup >/dev/null 2>&1; then
  echo '${MARK}tool nslookup'; nslookup "$1" 2>&1
else echo '${MARK}no-client'; fi
`;

export type DnsProbe =
  { tool: 'none' } | { tool: 'getent' | 'nslookup'; addresses: string[]; output: string };

const IPV4 = /^(\d{1,3})\.(\d{1,3})\.(\d{1,3})\.(\d{1,3})$/;

export function parseDnsProbe(stdout: string): DnsProbe {
  if (stdout.includes(`${MARK}no-client`)) return { tool: 'none' };
  const tool = stdout.includes(`${MARK}tool nslookup`) ? 'nslookup' : 'getent';
  const output = stdout.replace(/^@@kubelab:tool \w+\n/m, '');
  const lines = output.split('\n').map((line) => line.trim());
  const addresses: string[] = [];
  if (tool === 'getent') {
    for (const line of lines) {
      const first = line.split(/\s+/)[0] ?? '';
      if (IPV4.test(first)) addresses.push(first);
    }
  } else {
    const answers = lines.slice(
      Math.max(
        0,
        lines.findIndex((line) => /^Name:/.test(line)),
      ),
    );
    if (answers.some((line) => /^Name:/.test(line))) {
      for (const line of answers) {
        const match = /^Address(?:\s+\d+)?:\s*([0-9.]+)(?:#\d+)?(?:\s.*)?$/.exec(line);
        if (match && IPV4.test(match[1]!)) addresses.push(match[1]!);
      }
    }
  }
  return { tool, addresses: [...new Set(addresses)], output };
}

function toNumber(ip: string): number | null {
  const match = IPV4.exec(ip);
  if (!match) return null;
  const parts = match.slice(1).map(Number);
  if (parts.some((part) => part > 255)) return null;
  return ((parts[0]! << 24) >>> 0) + (parts[1]! << 16) + (parts[2]! << 8) + parts[3]!;
}

export function inCidr(ip: string, cidr: string): boolean {
  const [base = '', bits = '32'] = cidr.split('/');
  const address = toNumber(ip);
  const network = toNumber(base);
  const prefix = Number(bits);
  if (address === null || network === null || !(prefix >= 0 && prefix <= 32)) return false;
  const mask = prefix === 0 ? 0 : (~0 << (32 - prefix)) >>> 0;
  return (address & mask) >>> 0 === (network & mask) >>> 0;
}

export function dnsExpected(check: DnsCheck): string {
  if (check.resolvesTo !== undefined) return `${check.name} resolves to ${check.resolvesTo}`;
  if (check.resolvesInCidr !== undefined) {
    return `${check.name} resolves, only to addresses in ${check.resolvesInCidr}`;
  }
  return `${check.name} resolves`;
}

export function judgeDns(check: DnsCheck, probe: DnsProbe, where: string): Verdict {
  const expected = dnsExpected(check);
  if (probe.tool === 'none') {
    return { passed: false, expected, found: `${where} has no getent or nslookup to ask with` };
  }
  const { addresses } = probe;
  if (addresses.length === 0) {
    const said = probe.output.trim() ? ` (${oneLine(probe.output, 160)})` : '';
    return { passed: false, expected, found: `${check.name} does not resolve${said}` };
  }
  const found = `${check.name} resolves to ${addresses.join(', ')}`;
  let passed = true;
  if (check.resolvesTo !== undefined) passed = addresses.includes(check.resolvesTo);
  if (check.resolvesInCidr !== undefined) {
    passed = addresses.every((ip) => inCidr(ip, check.resolvesInCidr!));
  }
  return { passed, expected, found };
}

export function dnsCommand(check: DnsCheck, tool: 'getent' | 'nslookup' = 'getent'): string {
  const ask = tool === 'nslookup' ? 'nslookup' : 'getent hosts';
  return `${kubectlExecPrefix(check.from)} ${ask} ${check.name}`;
}

export function describeDns(check: DnsCheck): string {
  return `${dnsExpected(check)} inside pod ${check.from.pod}.`;
}

export async function evaluateDns(ctx: LabContext, check: DnsCheck): Promise<Evaluation> {
  const problem = await podProblem(ctx, check.from);
  if (problem) {
    return {
      passed: false,
      expected: dnsExpected(check),
      found: problem,
      command: dnsCommand(check),
      runIn: null,
    };
  }
  const result = await execInPod(ctx, check.from, ['sh', '-c', DNS_PROBE_SCRIPT, 'sh', check.name]);
  const probe = parseDnsProbe(result.stdout);
  return {
    ...judgeDns(check, probe, `pod ${check.from.pod}`),
    command: dnsCommand(check, probe.tool === 'nslookup' ? 'nslookup' : 'getent'),
    runIn: null,
  };
}
