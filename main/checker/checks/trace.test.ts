import { describe, expect, it } from 'vitest';
import type { Trace, TraceHop } from '../../api/schemas/trace.ts';
import type { TraceCheck } from '../../scenarios/schema.ts';
import { TraceCheckSchema } from '../../scenarios/schema.ts';
import { describeTrace, judgeTrace, traceCommand } from './trace.ts';

const hop = (action: TraceHop['action'], node: string, what = ''): TraceHop => ({
  action,
  node,
  netns: 'node',
  interface: null,
  what,
  rule: null,
  command: '',
  runIn: null,
  packets: null,
  seen: true,
});

function trace(extra: Partial<Trace> = {}): Trace {
  return {
    from: 'client',
    to: 'web:80',
    target: { ip: '10.96.0.20', port: 80, protocol: 'TCP' },
    endpoints: [
      {
        destination: '10.0.1.5:80',
        pod: 'default/web-a',
        node: 'control-plane',
        share: 0.5,
        rule: '',
      },
      { destination: '10.0.2.5:80', pod: 'default/web-b', node: 'worker1', share: 0.5, rule: '' },
    ],
    chosen: '10.0.2.5:80',
    hops: [
      hop('send', 'control-plane'),
      hop('dnat', 'control-plane'),
      hop('deliver', 'worker1'),
      hop('reply', 'control-plane'),
    ],
    notes: [],
    probe: { request: 'socat …', exitCode: 0, conntrack: null, unseen: [], unexpected: [] },
    ...extra,
  };
}

const check = (fields: Record<string, unknown>): TraceCheck =>
  TraceCheckSchema.parse({ type: 'trace', from: 'client', to: 'web:80', ...fields });

describe('judgeTrace', () => {
  it('passes a DNATed, delivered, fully seen path with an endpoint on another node', () => {
    const verdict = judgeTrace(check({ dnat: true, endpointOn: 'other-node' }), trace());
    expect(verdict.passed).toBe(true);
    expect(verdict.found).toContain('DNAT to 10.0.2.5:80');
    expect(verdict.found).toContain('the probe saw every hop');
  });

  it('fails when the probe missed a hop, and says which', () => {
    const probed = trace({
      probe: {
        request: '',
        exitCode: 1,
        conntrack: null,
        unseen: ['deliver on worker1'],
        unexpected: [],
      },
    });
    const verdict = judgeTrace(check({ dnat: true }), probed);
    expect(verdict.passed).toBe(false);
    expect(verdict.found).toContain('deliver on worker1');
  });

  it('tells a dropped path from a delivered one', () => {
    const dropped = trace({
      endpoints: [],
      chosen: null,
      hops: [hop('send', 'worker1'), hop('policy', 'worker1', 'NetworkPolicy x … drop it here')],
    });
    expect(judgeTrace(check({ delivered: false }), dropped).passed).toBe(true);
    expect(judgeTrace(check({}), dropped).passed).toBe(false);
  });

  it('names the command and says what it expects', () => {
    expect(traceCommand(check({}))).toBe('kubelab trace client web:80 --probe');
    expect(describeTrace(check({ dnat: true }))).toBe(
      'A request from client to web:80 is DNATed by kube-proxy and reaches its destination (one real connection seen at every hop).',
    );
  });
});
