import { describe, expect, it } from 'vitest';
import { PROBED, TRACE } from '../../test/fixtures/trace-httpd.ts';
import {
  endpointLine,
  hopCommand,
  hopPackets,
  hopSeen,
  hopWhere,
  probeVerdict,
  traceTitle,
} from './trace-labels.ts';

const [send, bridge, dnat] = TRACE.hops;

describe('trace labels', () => {
  it('says where a hop is as the CLI does: node, a pod’s namespace, interface', () => {
    expect(hopWhere(send!)).toBe('control-plane · pod default/httpd-5fddf8c9f4-b2ktj · eth0');
    expect(hopWhere(bridge!)).toBe('control-plane · veth75e169a2');
    expect(hopWhere(dnat!)).toBe('control-plane');
    expect(hopWhere({ ...send!, node: null, netns: 'cluster DNS', interface: null })).toBe(
      'cluster DNS',
    );
  });

  it('marks a probed hop seen or not, and says nothing without a probe', () => {
    expect(hopSeen(send!)).toBeNull();
    expect(hopSeen(PROBED.hops[0]!)).toMatchObject({ symbol: '✓', tone: 'ok' });
    expect(hopSeen(PROBED.hops[4]!)).toMatchObject({ symbol: '✗', tone: 'fail' });
  });

  it('counts packets only where a capture ran', () => {
    expect(hopPackets(send!)).toBeNull();
    expect(hopPackets(PROBED.hops[0]!)).toBe('6 packets');
    expect(hopPackets({ ...send!, packets: 1 })).toBe('1 packet');
    expect(hopPackets(PROBED.hops[4]!)).toBe('0 packets');
  });

  it('gives the command and where to type it', () => {
    expect(hopCommand(dnat!)).toBe('$ iptables -t nat -L KUBE-SVC-X -n -v   (on control-plane)');
    expect(hopCommand(TRACE.hops[5]!)).toBe(
      '$ kubectl get pod -n default httpd-5fddf8c9f4-nvlf8 -o wide',
    );
  });

  it('titles the trace and each endpoint with its chance, the followed one marked', () => {
    expect(traceTitle(TRACE)).toBe(
      'default/httpd-5fddf8c9f4-b2ktj → httpd.default:80 (10.102.219.74:80)',
    );
    expect(endpointLine(TRACE, TRACE.endpoints[0]!)).toBe(
      '10.0.1.5:80 default/httpd-5fddf8c9f4-nvlf8 on control-plane: 50 % ← this path',
    );
    expect(endpointLine(TRACE, TRACE.endpoints[1]!)).not.toContain('this path');
  });

  it('sums up the probe: all seen, or what differs', () => {
    expect(probeVerdict(PROBED.probe!)).toEqual({
      ok: false,
      text: 'The probe differs from the prediction: 1 predicted hop(s) not seen, 1 place(s) not predicted.',
    });
    expect(probeVerdict({ ...PROBED.probe!, unseen: [], unexpected: [] }).ok).toBe(true);
  });
});
