import { describe, expect, it } from 'vitest';
import { classify, countsPerSig, parseSkipList, totalsLine } from './report.ts';

const spec = (
  texts: string[],
  leaf: string,
  State: string,
  message = '',
  RunTime = 2_500_000_000,
): Record<string, unknown> => ({
  ContainerHierarchyTexts: texts,
  LeafNodeText: leaf,
  LeafNodeType: 'It',
  State,
  RunTime,
  Failure: message ? { Message: message } : {},
});

const report = [
  {
    SuiteDescription: 'Kubernetes e2e suite',
    SpecReports: [
      { LeafNodeType: 'SynchronizedBeforeSuite', State: 'passed', RunTime: 1 },
      spec(['[sig-network] DNS'], 'should provide DNS for services [Conformance]', 'passed'),
      spec(
        ['[sig-network] Services'],
        'should serve a basic endpoint [Conformance]',
        'failed',
        'timed out\nmore',
      ),
      spec(
        ['[sig-storage] HostPath'],
        'should support r/w [NodeConformance]',
        'skipped',
        'Only supported for providers [gce]',
      ),
      spec(['[sig-storage] CSI'], 'mock volume [Conformance]', 'skipped'),
      spec(['[sig-node] Pods'], 'should be updated [Conformance]', 'skipped'),
    ],
  },
];

describe('conformance report', () => {
  const skips = parseSkipList('# heading only\n\nCSI mock  # no CSI driver in a lab\n');

  it('reads the skip list: pattern and reason, comments and blanks ignored', () => {
    expect(skips).toEqual([{ pattern: 'CSI mock', reason: 'no CSI driver in a lab' }]);
  });

  it('counts passed, failed, run-time skips and skip-list skips; leaves out what the focus never selected', () => {
    const tests = classify(report as never, '\\[sig-network\\]|\\[sig-storage\\]', skips);
    expect(tests.map((test) => [test.sig, test.outcome, test.reason])).toEqual([
      ['sig-network', 'passed', undefined],
      ['sig-network', 'failed', 'timed out'],
      ['sig-storage', 'skipped', 'skip list: no CSI driver in a lab'],
      ['sig-storage', 'skipped', 'Only supported for providers [gce]'],
    ]);
    expect(tests[0]!.seconds).toBe(2.5);
    expect(totalsLine(tests)).toBe('1 passed, 1 failed, 2 skipped');
    expect(countsPerSig(tests)).toEqual([
      { sig: 'sig-network', passed: 1, failed: 1, skipped: 0, seconds: 5 },
      { sig: 'sig-storage', passed: 0, failed: 0, skipped: 2, seconds: 5 },
    ]);
  });
});
