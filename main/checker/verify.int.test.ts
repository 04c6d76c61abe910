// The checker on a real lab: `verify` replays hostpath-pv (each step fails before its solve and
// passes after) and the broken-state fixture (its setup runs hidden, once, and again after a
// reset), a check reports every condition, and a stopped node is a cluster problem, not a wrong
// answer. Slow (a cold lab start); run alone with
// `npx vitest run --project integration main/checker`.
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { docker } from '../engine/docker.ts';
import { labDown } from '../lab/down.ts';
import { findNodes } from '../lab/discover.ts';
import type { LoadedScenario } from '../scenarios/load.ts';
import { labReset } from '../lab/reset.ts';
import { labIo } from '../learner/io.ts';
import { solveAndRecord } from '../learner/solve.ts';
import { appRoot } from '../paths.ts';
import { defaultScenariosRoot, loadScenario } from '../scenarios/load.ts';
import { checkStep, openLab } from './check-step.ts';
import { kube } from './lab-io.ts';
import type { LabContext } from './lab-io.ts';
import { openStepIn } from './prepare.ts';
import { verifyScenario } from './verify.ts';

const client = docker();
const lab = 'checker-it';

async function load(dir: string): Promise<LoadedScenario> {
  const result = await loadScenario(dir);
  if (!result.ok) throw new Error(JSON.stringify(result.problems));
  return result.loaded;
}

const hostpathPv = (): Promise<LoadedScenario> => load(join(defaultScenariosRoot(), 'hostpath-pv'));
const brokenRollout = (): Promise<LoadedScenario> =>
  load(join(appRoot(), 'fixtures', 'scenarios', 'broken-rollout'));

async function labContext(): Promise<LabContext> {
  const opened = await openLab(client, lab, 1);
  if ('problem' in opened) throw new Error(opened.problem.message);
  return opened.ctx;
}

async function serviceSelector(ctx: LabContext): Promise<string> {
  const result = await kube(ctx, [
    'get',
    'svc',
    'shop',
    '-n',
    'shop',
    '-o',
    'jsonpath={.spec.selector.app}',
  ]);
  return result.exitCode === 0 ? result.stdout : `(${result.stderr.trim()})`;
}

describe('the checker on a real lab', () => {
  afterAll(() => labDown(client, { lab, purge: true, data: true }));

  it('verifies hostpath-pv: every step fails first, is solved, then passes', async () => {
    const loaded = await hostpathPv();
    const steps: string[] = [];
    const report = await verifyScenario(client, loaded, {
      lab,
      onEvent: (event) => {
        if (event.type === 'step-done') steps.push(event.report.id);
      },
    });
    const failures = report.steps.flatMap((step) =>
      step.failures.map((f) => ({ step: step.id, ...f })),
    );
    expect(failures).toEqual([]);
    expect(report.error).toBeNull();
    expect(report.passed).toBe(true);
    expect(steps).toEqual(loaded.scenario.steps.map((s) => s.id));
    for (const step of report.steps) expect(step.seconds).toBeGreaterThan(0);
  });

  it('answers with every condition of a step, failed ones first, with commands', async () => {
    const loaded = await hostpathPv();
    // verify ends with a reset: the PersistentVolume does not exist.
    const result = await checkStep(client, lab, loaded, 'create-pv', { wait: false });
    expect(result.clusterProblem).toBeNull();
    expect(result.passed).toBe(false);
    expect(result.results).toHaveLength(3);
    expect(result.results[0]).toMatchObject({
      passed: false,
      description: 'The PersistentVolume pv-local exists and is Available.',
      expected: 'one of Available, Bound',
      found: 'PersistentVolume pv-local does not exist',
      command: "kubectl get pv pv-local -o jsonpath='{.status.phase}'",
      runIn: null,
    });
  });

  it('verifies the broken-state fixture: setup runs twice, checks fail after it, pass after the solve', async () => {
    const loaded = await brokenRollout();
    const phases: string[] = [];
    const report = await verifyScenario(client, loaded, {
      lab,
      onEvent: (event) => {
        if (event.type === 'step') phases.push(`${event.step}: ${event.phase}`);
      },
    });
    const failures = report.steps.flatMap((step) =>
      step.failures.map((f) => ({ step: step.id, ...f })),
    );
    expect(failures).toEqual([]);
    expect(report.passed).toBe(true);
    expect(phases).toContain('fix-image: setting up (twice: it must be idempotent)');
    expect(phases).toContain('fix-selector: setting up (twice: it must be idempotent)');
  });

  it("runs a step's setup when skipping ahead into it, once: a repair is not undone, a reset brings it back", async () => {
    const loaded = await brokenRollout();
    const ctx = await labContext();
    // verify ended with a reset: no namespace, no record. Skip ahead to step 2 as the UI does.
    const outcome = await solveAndRecord(labIo(client, lab), loaded, [0]);
    expect(outcome.kind).toBe('done');
    await openStepIn(ctx, loaded, 1);
    expect(await serviceSelector(ctx)).toBe('shopp');
    const broken = await checkStep(client, lab, loaded, 'fix-selector', { wait: false });
    expect(broken.passed).toBe(false);
    // The learner repairs it by hand; opening or checking the step again keeps the repair.
    await kube(ctx, [
      '-n',
      'shop',
      'patch',
      'svc',
      'shop',
      '-p',
      '{"spec":{"selector":{"app":"shop"}}}',
    ]);
    await openStepIn(ctx, loaded, 1);
    const repaired = await checkStep(client, lab, loaded, 'fix-selector', { wait: true });
    expect(repaired.results.filter((r) => !r.passed)).toEqual([]);
    expect(await serviceSelector(ctx)).toBe('shop');
    // A reset clears the cluster and the record: the next open sets the step up again.
    await labReset(client, lab, true);
    await openStepIn(ctx, loaded, 1);
    expect(await serviceSelector(ctx)).toBe('shopp');
    await labReset(client, lab, true);
  });

  it('reports a stopped node as a cluster problem, not as a wrong answer', async () => {
    const loaded = await hostpathPv();
    const node = (await findNodes(client, lab)).get('control-plane')!;
    await client.getContainer(node.id).stop({ t: 1 });
    const result = await checkStep(client, lab, loaded, 'create-pv', { wait: false });
    expect(result.passed).toBe(false);
    expect(result.results).toEqual([]);
    expect(result.clusterProblem?.message).toMatch(/control-plane .* is exited/);
    expect(result.clusterProblem?.fix).toContain(`kubelab up --lab ${lab}`);
  });
});
