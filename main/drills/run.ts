// `npm run drills [-- --short] [--only TEXT] [--nodes N]`: every fault drill on a fresh lab, one line each and
// a closing `N passed, N failed`. The lab is removed afterwards (it is the drills' own).
import { parseArgs } from 'node:util';
import { requireEngine } from '../engine/docker.ts';
import { labDown } from '../lab/down.ts';
import { labUp } from '../lab/up.ts';
import { MACHINE_DRILLS } from './disk-and-engine.ts';
import { DRILLS, drillContext, learnerWorkIntact, leaveLearnerWork } from './drills.ts';
import { appeared, unlabelledObjects } from './unlabelled.ts';

const { values } = parseArgs({
  options: {
    short: { type: 'boolean', default: false },
    nodes: { type: 'string' },
    lab: { type: 'string', default: 'drills' },
    /** Only the drills whose name contains this text (one drill while working on it). */
    only: { type: 'string' },
  },
});
const drills = [...DRILLS, ...MACHINE_DRILLS].filter(
  (drill) =>
    (!values.short || drill.short) &&
    (values.only === undefined || drill.name.includes(values.only)),
);
const nodes = Number(values.nodes ?? (values.short ? 1 : 2));
const client = await requireEngine();
const lab = values.lab;
let passed = 0;
let failed = 0;
const before = await unlabelledObjects(client);
try {
  await labUp(client, { lab, nodes });
  const ctx = await drillContext(client, lab);
  await leaveLearnerWork(ctx);
  for (const drill of drills) {
    const started = Date.now();
    try {
      const said = await drill.run(ctx);
      await learnerWorkIntact(ctx);
      const left = appeared(before, await unlabelledObjects(client));
      if (left.length) throw new Error(`left unlabelled Docker objects: ${left.join(', ')}`);
      passed++;
      console.log(`PASS ${drill.name} (${((Date.now() - started) / 1000).toFixed(1)} s): ${said}`);
    } catch (error) {
      failed++;
      console.log(
        `FAIL ${drill.name} (${((Date.now() - started) / 1000).toFixed(1)} s): ${error instanceof Error ? error.message : String(error)}`,
      );
    }
  }
} finally {
  await labDown(client, { lab, purge: true, data: true }).catch(() => undefined);
}
console.log(`${passed} passed, ${failed} failed`);
process.exitCode = failed ? 1 : 0;
