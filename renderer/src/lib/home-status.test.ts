import { describe, expect, it } from 'vitest';
import type { ImageStatus } from '../../../main/api/schemas/images.ts';
import type { LabStatusView } from '../../../main/api/schemas/lab.ts';
import { engineSummary, imagesSummary, labSummary } from './home-status.ts';

const lab = (nodes: [string, boolean | null][], problems: string[] = []): LabStatusView => ({
  lab: 'x',
  exists: true,
  nodes: nodes.map(([state, ready], i) => ({
    name: `n${i}`,
    role: 'worker',
    container: `c${i}`,
    containerState: state,
    ready,
    ip: '',
    podCidr: '',
    bridge: null,
  })),
  apiEndpoint: null,
  kubeconfig: null,
  versions: { kubernetes: '', containerd: '', etcd: '', coredns: '' },
  problems,
});

const image = (present: boolean, upToDate: boolean): ImageStatus => ({
  name: 'i',
  ref: 'r',
  mirrorTags: [],
  present,
  upToDate,
  sizeBytes: null,
  builtAt: null,
});

describe('home status summaries', () => {
  it('engine: the fix when unreachable, the version when ready', () => {
    expect(engineSummary(null).tone).toBe('unknown');
    const down = engineSummary({
      reachable: false,
      version: null,
      apiVersion: null,
      os: null,
      cgroupVersion: null,
      nodeMode: 'unknown',
      problem: { message: 'm', fix: 'start dockerd' },
    });
    expect(down).toEqual({ tone: 'fail', text: 'not reachable', fix: 'start dockerd' });
  });

  it('images: missing beats stale, all present is ok', () => {
    expect(imagesSummary([image(true, true), image(true, true)])).toMatchObject({
      tone: 'ok',
      text: '2 up to date',
      needsBuild: false,
    });
    expect(
      imagesSummary([image(false, false), image(true, false), image(true, true)]),
    ).toMatchObject({ tone: 'fail', text: '1 missing, 1 stale of 3', needsBuild: true });
    expect(imagesSummary([image(true, false)])).toMatchObject({ tone: 'warn', needsBuild: true });
  });

  it('lab: not created, stopped, half ready and ready each offer the right actions', () => {
    expect(labSummary({ ...lab([]), exists: false })).toMatchObject({
      text: 'not created',
      canStart: true,
      canStop: false,
    });
    expect(labSummary(lab([['exited', null]]))).toMatchObject({
      tone: 'warn',
      text: 'stopped (1 node(s))',
      canStop: false,
      canReset: false,
    });
    expect(
      labSummary(
        lab([
          ['running', true],
          ['running', false],
        ]),
      ),
    ).toMatchObject({
      tone: 'warn',
      text: '1 of 2 node(s) ready',
      canStop: true,
    });
    expect(labSummary(lab([['running', true]], ['CoreDNS not answering'])).fix).toBe(
      'CoreDNS not answering',
    );
    expect(
      labSummary(
        lab([
          ['running', true],
          ['running', true],
        ]),
      ),
    ).toMatchObject({
      tone: 'ok',
      text: '2 node(s) ready',
      canReset: true,
      fix: null,
    });
  });
});
