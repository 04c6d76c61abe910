// Reads the JSON report ginkgo writes for the upstream e2e suite (`--json-report`) and sorts every
// spec into what a reader of the conformance table needs: passed, failed, skipped at run time (the
// suite said why), skipped by our skip list (conformance/skip.txt says why) — and the specs the
// focus never selected, which are not part of the run at all and are not counted.
import { z } from 'zod';

const SpecReportSchema = z.object({
  ContainerHierarchyTexts: z.array(z.string()).nullish(),
  LeafNodeText: z.string().default(''),
  LeafNodeType: z.string(),
  State: z.string(),
  RunTime: z.number().default(0),
  Failure: z
    .object({ Message: z.string().default('') })
    .partial()
    .nullish(),
});

export const GinkgoReportSchema = z.array(
  z.object({
    SuiteDescription: z.string().default(''),
    RunTime: z.number().default(0),
    SpecReports: z.array(SpecReportSchema).nullish(),
  }),
);

export const OutcomeSchema = z.enum(['passed', 'failed', 'skipped']);

export const ConformanceTestSchema = z.object({
  name: z.string(),
  sig: z.string(),
  outcome: OutcomeSchema,
  seconds: z.number(),
  /** Why it was skipped, or the first line of why it failed. */
  reason: z.string().optional(),
});
export type ConformanceTest = z.infer<typeof ConformanceTestSchema>;

/** One line of conformance/skip.txt: a regular expression and the comment that says why. */
export interface SkipEntry {
  pattern: string;
  reason: string;
}

const FAILED_STATES = new Set(['failed', 'panicked', 'timedout', 'interrupted', 'aborted']);

/** `REGEX  # reason` per line; blank lines and lines that are only a comment are ignored. */
export function parseSkipList(text: string): SkipEntry[] {
  return text.split('\n').flatMap((line) => {
    const hash = line.indexOf('#');
    const pattern = (hash >= 0 ? line.slice(0, hash) : line).trim();
    if (!pattern) return [];
    return [{ pattern, reason: hash >= 0 ? line.slice(hash + 1).trim() : '' }];
  });
}

function sigOf(name: string): string {
  return /\[(sig-[a-z-]+)\]/.exec(name)?.[1] ?? 'other';
}

/**
 * Every spec of the run. A spec ginkgo marks skipped with no message was filtered out — by the
 * focus (not part of the run) or by a skip-list entry (part of it, with that entry's reason).
 * Go's RE2 and JavaScript agree on the plain patterns the focus and skip list use.
 */
export function classify(
  report: z.infer<typeof GinkgoReportSchema>,
  focus: string,
  skips: SkipEntry[],
): ConformanceTest[] {
  const focused = new RegExp(focus);
  const tests: ConformanceTest[] = [];
  for (const suite of report) {
    for (const spec of suite.SpecReports ?? []) {
      if (spec.LeafNodeType !== 'It') continue;
      const name = [...(spec.ContainerHierarchyTexts ?? []), spec.LeafNodeText].join(' ');
      const seconds = Math.round(spec.RunTime / 1e7) / 100;
      const message = spec.Failure?.Message?.trim() ?? '';
      const base = { name, sig: sigOf(name), seconds };
      if (spec.State === 'passed') tests.push({ ...base, outcome: 'passed' });
      else if (FAILED_STATES.has(spec.State)) {
        tests.push({ ...base, outcome: 'failed', reason: message.split('\n')[0] ?? spec.State });
      } else if (spec.State === 'skipped' || spec.State === 'pending') {
        if (message) tests.push({ ...base, outcome: 'skipped', reason: message.split('\n')[0] });
        else if (focused.test(name)) {
          const entry = skips.find((skip) => new RegExp(skip.pattern).test(name));
          if (entry)
            tests.push({ ...base, outcome: 'skipped', reason: `skip list: ${entry.reason}` });
        }
      }
    }
  }
  return tests.sort((a, b) => a.name.localeCompare(b.name));
}

export interface SigCounts {
  sig: string;
  passed: number;
  failed: number;
  skipped: number;
  seconds: number;
}

export function countsPerSig(tests: ConformanceTest[]): SigCounts[] {
  const bySig = new Map<string, SigCounts>();
  for (const test of tests) {
    const row = bySig.get(test.sig) ?? {
      sig: test.sig,
      passed: 0,
      failed: 0,
      skipped: 0,
      seconds: 0,
    };
    row[test.outcome]++;
    row.seconds += test.seconds;
    bySig.set(test.sig, row);
  }
  return [...bySig.values()].sort((a, b) => a.sig.localeCompare(b.sig));
}

/** The closing line every run prints last. */
export function totalsLine(tests: ConformanceTest[]): string {
  const count = (outcome: ConformanceTest['outcome']): number =>
    tests.filter((test) => test.outcome === outcome).length;
  return `${count('passed')} passed, ${count('failed')} failed, ${count('skipped')} skipped`;
}
