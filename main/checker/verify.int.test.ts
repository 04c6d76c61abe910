// The checker on a real lab: `verify` replays hostpath-pv (each step fails before its solve and
// passes after), a check reports every condition, and a stopped node is a cluster problem, not
// a wrong answer. Slow (a cold lab start); run alone with
// `npx vitest run --project integration main/checker`.
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { docker } from '../engine/docker.ts';
import { labDown } from '../lab/down.ts';
import { findNodes } from '../lab/discover.ts';
import type { LoadedScenario } from '../scenarios/load.ts';
import { defaultScenariosRoot, loadScenario } from '../scenarios/load.ts';
import { checkStep } from './check-step.ts';
import { verifyScenario } from './verify.ts';

const client = docker();
const lab = 'checker-it';

async function hostpathPv(): Promise<LoadedScenario> {
  const result = await loadScenario(join(defaultScenariosRoot(), 'hostpath-pv'));
  if (!result.ok) throw new Error(JSON.stringify(result.problems));
  return result.loaded;
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
