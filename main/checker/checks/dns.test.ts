import { describe, expect, it } from 'vitest';
import { check } from '../test-checks.ts';
import { dnsCommand, inCidr, judgeDns, parseDnsProbe } from './dns.ts';

// Real outputs: glibc getent in the debian image, busybox nslookup.
const GETENT =
  '@@kubelab:tool getent\n10.0.1.7    STREAM web-1.web.default.svc.cluster.local\n10.0.1.7    DGRAM  \n10.0.1.7    RAW    \n';
const NSLOOKUP =
  '@@kubelab:tool nslookup\nServer:\t\t10.96.0.10\nAddress:\t10.96.0.10:53\n\nName:\tweb.default.svc.cluster.local\nAddress: 10.0.1.7\nName:\tweb.default.svc.cluster.local\nAddress: 10.0.1.8\n\n';
const NXDOMAIN =
  "@@kubelab:tool nslookup\nServer:\t\t10.96.0.10\nAddress:\t10.96.0.10:53\n\n** server can't find nohost: NXDOMAIN\n\n";

describe('parsing the dns probe', () => {
  it('reads getent ahostsv4, once per address', () => {
    expect(parseDnsProbe(GETENT)).toMatchObject({ tool: 'getent', addresses: ['10.0.1.7'] });
    expect(parseDnsProbe('@@kubelab:tool getent\n')).toMatchObject({ addresses: [] });
  });

  it("reads nslookup's answers, not its server's address", () => {
    expect(parseDnsProbe(NSLOOKUP)).toMatchObject({
      tool: 'nslookup',
      addresses: ['10.0.1.7', '10.0.1.8'],
    });
    expect(parseDnsProbe(NXDOMAIN)).toMatchObject({ addresses: [] });
  });

  it('notices a pod with neither tool', () => {
    expect(parseDnsProbe('@@kubelab:no-client\n')).toEqual({ tool: 'none' });
  });
});

describe('CIDR membership', () => {
  it.each([
    ['10.0.1.7', '10.0.0.0/16', true],
    ['10.1.0.1', '10.0.0.0/16', false],
    ['10.96.0.10', '10.96.0.0/12', true],
    ['10.112.0.1', '10.96.0.0/12', false],
    ['1.2.3.4', '0.0.0.0/0', true],
    ['10.0.1.7', '10.0.1.7/32', true],
  ])('%s in %s: %s', (ip, cidr, expected) => {
    expect(inCidr(ip, cidr)).toBe(expected);
  });
});

describe('dns', () => {
  const from = { pod: 'client' };

  it('passes when the name resolves to the address', () => {
    const to = check({ type: 'dns', from, name: 'web', resolvesTo: '10.0.1.8' });
    expect(judgeDns(to, parseDnsProbe(NSLOOKUP), 'pod client')).toEqual({
      passed: true,
      expected: 'web resolves to 10.0.1.8',
      found: 'web resolves to 10.0.1.7, 10.0.1.8',
    });
    expect(judgeDns(to, parseDnsProbe(GETENT), 'pod client').passed).toBe(false);
  });

  it('wants every address inside the CIDR', () => {
    const pods = check({ type: 'dns', from, name: 'web', resolvesInCidr: '10.0.0.0/16' });
    expect(judgeDns(pods, parseDnsProbe(NSLOOKUP), 'x').passed).toBe(true);
    const virtual = parseDnsProbe('@@kubelab:tool getent\n10.96.14.2  STREAM web\n');
    expect(judgeDns(pods, virtual, 'x')).toMatchObject({
      passed: false,
      found: 'web resolves to 10.96.14.2',
    });
  });

  it('fails when the name does not resolve or nothing can ask', () => {
    const any = check({ type: 'dns', from, name: 'nohost' });
    expect(judgeDns(any, parseDnsProbe(NXDOMAIN), 'x')).toMatchObject({ passed: false });
    expect(judgeDns(any, parseDnsProbe(NXDOMAIN), 'x').found).toMatch(
      /^nohost does not resolve \(.*NXDOMAIN/,
    );
    expect(judgeDns(any, { tool: 'none' }, 'pod client').found).toBe(
      'pod client has no getent or nslookup to ask with',
    );
  });

  it('shows the command for the tool it used', () => {
    const any = check({ type: 'dns', from: { pod: 'c', namespace: 'x' }, name: 'web' });
    expect(dnsCommand(any)).toBe('kubectl exec c -n x -- getent hosts web');
    expect(dnsCommand(any, 'nslookup')).toBe('kubectl exec c -n x -- nslookup web');
  });
});
