import { describe, expect, it } from 'vitest';
import type { ImageStatus } from '../../../main/api/schemas/images.ts';
import type { LabStatusView } from '../../../main/api/schemas/lab.ts';
import { REQUIRED_LAB_IMAGES } from '../../../main/lab/images-check.ts';
import { REQUIRED_FOR_LAB, engineSummary, imagesSummary, labSummary } from './home-status.ts';

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

const image = (present: boolean, upToDate: boolean, name = 'i'): ImageStatus => ({
  name,
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

  it('images: the lab can start without a workload image, never without node and registry', () => {
    const core = [image(true, true, 'node'), image(true, true, 'registry')];
    expect(imagesSummary([...core, image(false, false, 'ghost')])).toMatchObject({
      tone: 'warn',
      text: '1 missing of 3 (ghost)',
      needsBuild: true,
      labCanStart: true,
    });
    expect(
      imagesSummary([image(true, false, 'node'), image(true, true, 'registry')]),
    ).toMatchObject({ tone: 'fail', labCanStart: false });
    expect(imagesSummary([...core]).labCanStart).toBe(true);
    expect(imagesSummary([image(true, true, 'node')]).labCanStart).toBe(false);
  });

  it('the lab-start rule names the same images as lab up', () => {
    expect([...REQUIRED_FOR_LAB].sort()).toEqual([...REQUIRED_LAB_IMAGES].sort());
  });

  it('images: missing beats stale, all present is ok', () => {
    expect(imagesSummary([image(true, true), image(true, true)])).toMatchObject({
      tone: 'ok',
      text: '2 up to date',
      needsBuild: false,
    });
    expect(
      imagesSummary([image(false, false), image(true, false), image(true, true)]),
    ).toMatchObject({ tone: 'fail', text: '1 missing, 1 stale of 3 (i, i)', needsBuild: true });
    const core = [image(true, true, 'node'), image(true, true, 'registry')];
    expect(imagesSummary([...core, image(true, false, 'nginx')])).toMatchObject({
      tone: 'warn',
      text: '1 stale of 3 (nginx)',
      needsBuild: true,
    });
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
