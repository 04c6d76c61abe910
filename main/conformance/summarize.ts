// `scripts/conformance.sh` hands ginkgo's JSON report here: prints the table per SIG (Markdown,
// ready for the README), every failure and every skip with its reason, writes the per-test JSON,
// and prints `N passed, N failed, N skipped` as the very last line. Exit 1 when a test failed or
// nothing ran at all (a focus that selects nothing proves nothing).
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { dirname } from 'node:path';
import { parseArgs } from 'node:util';
import { GinkgoReportSchema, classify, countsPerSig, parseSkipList, totalsLine } from './report.ts';

const { values, positionals } = parseArgs({
  allowPositionals: true,
  options: {
    out: { type: 'string', default: 'test-results/conformance.json' },
    skips: { type: 'string', default: 'conformance/skip.txt' },
    focus: { type: 'string', default: '' },
    lab: { type: 'string', default: '' },
    nodes: { type: 'string', default: '' },
    procs: { type: 'string', default: '' },
    seconds: { type: 'string', default: '' },
    dropped: { type: 'string' },
  },
});
const [reportPath] = positionals;
if (!reportPath) {
  console.error('usage: summarize.ts REPORT.json [--out FILE] [--skips FILE] [--focus REGEX] …');
  process.exit(2);
}

let raw: unknown;
try {
  raw = JSON.parse(readFileSync(reportPath, 'utf8'));
} catch (error) {
  console.error(`conformance: no readable ginkgo report at ${reportPath}: ${String(error)}`);
  console.log('0 passed, 0 failed, 0 skipped');
  process.exit(1);
}
const report = GinkgoReportSchema.parse(raw);
const skips = parseSkipList(readFileSync(values.skips, 'utf8'));
const tests = classify(report, values.focus, skips);
const seconds: Record<string, number> = {};
for (const pair of values.seconds.split(',').filter(Boolean)) {
  const [key = '', value = ''] = pair.split('=');
  seconds[key] = Number(value);
}

const rows = countsPerSig(tests);
console.log('\n| SIG | passed | failed | skipped | test time |');
console.log('| --- | --- | --- | --- | --- |');
for (const row of rows) {
  console.log(
    `| ${row.sig} | ${row.passed} | ${row.failed} | ${row.skipped} | ${Math.round(row.seconds)} s |`,
  );
}
const failed = tests.filter((test) => test.outcome === 'failed');
const skipped = tests.filter((test) => test.outcome === 'skipped');
if (failed.length) {
  console.log('\nfailed:');
  for (const test of failed) console.log(`  ✗ ${test.name}\n      ${test.reason ?? ''}`);
}
if (skipped.length) {
  console.log('\nskipped:');
  for (const test of skipped) console.log(`  - ${test.name}\n      ${test.reason ?? ''}`);
}
const wall = Object.entries(seconds)
  .map(([key, value]) => `${key} ${value} s`)
  .join(', ');
console.log(
  `\nlab ${values.lab} (${values.nodes} nodes), ${values.procs} ginkgo procs; ${wall}` +
    (values.dropped
      ? `; dropped beyond the lab / DNS to host / other to host: ${values.dropped}`
      : ''),
);

mkdirSync(dirname(values.out), { recursive: true });
writeFileSync(
  values.out,
  JSON.stringify(
    {
      lab: values.lab,
      nodes: Number(values.nodes) || undefined,
      procs: Number(values.procs) || undefined,
      focus: values.focus,
      seconds,
      dropped: values.dropped,
      perSig: rows,
      tests,
    },
    null,
    2,
  ),
);
console.log(`per-test JSON: ${values.out}`);
console.log(totalsLine(tests));
process.exit(failed.length > 0 || tests.length === 0 ? 1 : 0);
