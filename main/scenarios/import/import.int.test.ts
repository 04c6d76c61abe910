// Imported Killercoda scenarios on a real lab: both fixtures under fixtures/killercoda/ are
// imported into a temporary folder and replayed by `verify` (setup twice, each step's check
// fails before its solve and passes after), so the mapping is proven where it matters: paths
// moved to /home/learner, host names to control-plane/worker1, verify.sh run as an exec check.
// Slow (a cold lab start, then a second node); run alone with
// `npx vitest run --project integration main/scenarios/import`.
import { mkdtemp } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { verifyScenario } from '../../checker/verify.ts';
import { docker } from '../../engine/docker.ts';
import { labDown } from '../../lab/down.ts';
import { appRoot } from '../../paths.ts';
import type { LoadedScenario } from '../load.ts';
import { loadScenario } from '../load.ts';
import { importKillercoda } from './import.ts';

const client = docker();
const lab = 'import-it';
const FIXTURES = join(appRoot(), 'fixtures', 'killercoda');
let root: string;

async function imported(name: string): Promise<LoadedScenario> {
  const result = await importKillercoda(join(FIXTURES, name), join(root, name));
  const load = await loadScenario(result.out);
  if (!load.ok) throw new Error(JSON.stringify(load.problems));
  return load.loaded;
}

async function verify(name: string): Promise<void> {
  const loaded = await imported(name);
  const report = await verifyScenario(client, loaded, { lab });
  const failures = report.steps.flatMap((step) =>
    step.failures.map((failure) => ({
      step: step.id,
      phase: failure.phase,
      message: failure.message,
      results: failure.results.filter((r) => !r.passed),
    })),
  );
  expect(failures).toEqual([]);
  expect(report.error).toBeNull();
  expect(report.passed).toBe(true);
  expect(report.steps.map((step) => step.id)).toEqual(loaded.scenario.steps.map((s) => s.id));
}

describe('imported Killercoda scenarios on a real lab', () => {
  beforeAll(async () => {
    root = await mkdtemp(join(tmpdir(), 'kubelab-import-it-'));
  });
  afterAll(() => labDown(client, { lab, purge: true, data: true }));

  it('verifies configmap-files (1 node): setup, assets in the home, verify.sh as the check', async () => {
    await verify('configmap-files');
  });

  it('verifies pods-on-both-nodes (2 nodes): pods pinned to control-plane and worker1, a solve on worker1', async () => {
    await verify('pods-on-both-nodes');
  });
});
