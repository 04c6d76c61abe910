import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import {
  dropNodeModeMemo,
  engineFingerprint,
  memoFor,
  readNodeModeMemo,
  writeNodeModeMemo,
} from './node-mode-memo.ts';

const info = {
  ID: 'engine-1',
  ServerVersion: '20.10.24',
  KernelVersion: '6.1.0',
  SecurityOptions: ['name=seccomp,profile=default', 'name=cgroupns'],
  DefaultRuntime: 'runc',
  CgroupVersion: '1',
};
const HOUR = 3600_000;

describe('engineFingerprint', () => {
  it('ignores the order of the security options', () => {
    expect(
      engineFingerprint({
        ...info,
        SecurityOptions: ['name=cgroupns', 'name=seccomp,profile=default'],
      }),
    ).toBe(engineFingerprint(info));
  });

  it('changes with anything that decides whether a mode works', () => {
    const base = engineFingerprint(info);
    expect(engineFingerprint({ ...info, ID: 'engine-2' })).not.toBe(base);
    expect(engineFingerprint({ ...info, ServerVersion: '24.0.7' })).not.toBe(base);
    expect(engineFingerprint({ ...info, KernelVersion: '6.8.0' })).not.toBe(base);
    expect(
      engineFingerprint({ ...info, SecurityOptions: [...info.SecurityOptions, 'name=rootless'] }),
    ).not.toBe(base);
    expect(engineFingerprint({ ...info, DefaultRuntime: 'crun' })).not.toBe(base);
    expect(engineFingerprint({ ...info, CgroupVersion: '2' })).not.toBe(base);
  });
});

describe('memoFor', () => {
  const fingerprint = engineFingerprint(info);
  const now = 1_000 * HOUR;
  const memo = { fingerprint, mode: 'explicit-capabilities' as const, probedAt: now - HOUR };

  it('answers for the same engine within a day', () => {
    expect(memoFor(memo, fingerprint, now)).toBe('explicit-capabilities');
  });

  it('probes again for another engine, after a day, or with no memo', () => {
    expect(memoFor(memo, engineFingerprint({ ...info, ID: 'other' }), now)).toBeUndefined();
    expect(memoFor({ ...memo, probedAt: now - 25 * HOUR }, fingerprint, now)).toBeUndefined();
    expect(memoFor(null, fingerprint, now)).toBeUndefined();
  });

  it('does not trust a memo from the future (a clock set back)', () => {
    expect(memoFor({ ...memo, probedAt: now + HOUR }, fingerprint, now)).toBeUndefined();
  });
});

describe('the memo file', () => {
  let home: string;
  const saved = process.env.KUBELAB_HOME;
  beforeEach(async () => {
    home = await mkdtemp(join(tmpdir(), 'kubelab-memo-'));
    process.env.KUBELAB_HOME = home;
  });
  afterEach(async () => {
    if (saved === undefined) delete process.env.KUBELAB_HOME;
    else process.env.KUBELAB_HOME = saved;
    await rm(home, { recursive: true, force: true });
  });

  it('round-trips, and is gone once dropped', async () => {
    expect(await readNodeModeMemo()).toBeNull();
    const memo = { fingerprint: 'f', mode: 'privileged' as const, probedAt: 5 };
    await writeNodeModeMemo(memo);
    expect(await readNodeModeMemo()).toEqual(memo);
    await dropNodeModeMemo();
    expect(await readNodeModeMemo()).toBeNull();
  });

  it('reads a damaged or foreign file as no memo', async () => {
    await writeFile(join(home, 'engine-node-mode.json'), '{"fingerprint": 1');
    expect(await readNodeModeMemo()).toBeNull();
    await writeFile(
      join(home, 'engine-node-mode.json'),
      '{"fingerprint":"f","mode":"root","probedAt":1}',
    );
    expect(await readNodeModeMemo()).toBeNull();
    expect(await readFile(join(home, 'engine-node-mode.json'), 'utf8')).toContain('root');
  });
});
