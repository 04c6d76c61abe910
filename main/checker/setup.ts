// A scenario's hidden setup: the state a step starts from (a broken Deployment to repair, a
// namespace the tutorial assumes), run before the step is shown, checked or solved. Each setup
// runs once per lab: a ConfigMap in kube-system records which ran, so a learner's repair is not
// undone when they open the step again, and `kubelab reset` (which deletes that ConfigMap)
// brings the setup back with the clean cluster. The record lives in the cluster, not on the
// host, because it describes the cluster: a purged and rebuilt lab has no record either.
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { LabError, cancelled } from '../api/errors.ts';
import { SETUP_RECORD } from '../lab/reset.ts';
import type { LoadedScenario } from '../scenarios/load.ts';
import type { SetupAction } from '../scenarios/schema.ts';
import type { LabContext } from './lab-io.ts';
import { bashOnNode, execInPod, getObject, kube, kubectlError } from './lab-io.ts';
import { runCheck } from './run-check.ts';
import { RUN_TIMEOUT_MS, actionLabel, waitSeconds } from './actions.ts';
import { oneLine } from './text.ts';

/** A setup to run: its record key and its actions. */
export interface PendingSetup {
  key: string;
  /** "scenario X" or "step Y", for messages. */
  what: string;
  actions: readonly SetupAction[];
}

/** The setups a step needs, in order: the scenario's own, then the step's (empty ones left out). */
export function setupsFor(loaded: LoadedScenario, index: number): PendingSetup[] {
  const step = loaded.scenario.steps[index];
  const setups: PendingSetup[] = [
    { key: loaded.id, what: `scenario ${loaded.id}`, actions: loaded.scenario.setup },
  ];
  if (step) {
    setups.push({ key: `${loaded.id}.${step.id}`, what: `step ${step.id}`, actions: step.setup });
  }
  return setups.filter((setup) => setup.actions.length > 0);
}

async function setupsDone(ctx: LabContext): Promise<Set<string>> {
  const record = await getObject(ctx, 'ConfigMap', SETUP_RECORD.name, SETUP_RECORD.namespace);
  const data = record?.data;
  return new Set(data !== null && typeof data === 'object' ? Object.keys(data) : []);
}

async function recordDone(ctx: LabContext, key: string): Promise<void> {
  const { name, namespace } = SETUP_RECORD;
  // Create when missing (an "already exists" answer is fine), then add the key.
  await kube(ctx, ['create', 'configmap', name, '-n', namespace]);
  const patch = JSON.stringify({ data: { [key]: new Date().toISOString() } });
  const result = await kube(ctx, [
    'patch',
    'configmap',
    name,
    '-n',
    namespace,
    '--type=merge',
    '-p',
    patch,
  ]);
  if (result.exitCode !== 0) {
    throw new LabError('SETUP_FAILED', `Cannot record the setup ${key}: ${kubectlError(result)}`);
  }
}

function failed(
  loaded: LoadedScenario,
  setup: PendingSetup,
  label: string,
  detail: string,
): LabError {
  return new LabError(
    'SETUP_FAILED',
    `The setup of ${setup.what} failed at \`${oneLine(label, 160)}\`:\n${detail}`,
    {
      fix: `This is the scenario's fault or the lab's, not yours: \`kubelab verify ${loaded.id}\` shows where it breaks; \`kubelab status\` shows whether the lab is healthy.`,
    },
  );
}

function tail(text: string): string {
  return text.trim().split('\n').slice(-12).join('\n');
}

/** Runs one setup's actions in order, whatever the record says (verify runs it twice). */
export async function runSetup(
  ctx: LabContext,
  loaded: LoadedScenario,
  setup: PendingSetup,
  signal?: AbortSignal,
): Promise<void> {
  for (const action of setup.actions) {
    if (signal?.aborted) throw cancelled();
    const label = actionLabel(action);
    if ('run' in action) {
      const result = await bashOnNode(
        ctx,
        action.node ?? 'control-plane',
        action.run,
        RUN_TIMEOUT_MS,
      );
      if (result.exitCode !== 0) {
        throw failed(
          loaded,
          setup,
          label,
          `exit status ${result.exitCode}\n${tail(result.stdout + result.stderr)}`,
        );
      }
    } else if ('apply' in action) {
      const manifest = await readFile(join(loaded.dir, action.apply), 'utf8');
      const namespace = action.namespace ? ['-n', action.namespace] : [];
      const result = await kube(ctx, ['apply', ...namespace, '-f', '-'], RUN_TIMEOUT_MS, manifest);
      if (result.exitCode !== 0) throw failed(loaded, setup, label, kubectlError(result));
    } else if ('exec' in action) {
      const result = await execInPod(ctx, action.in, ['sh', '-c', action.exec], RUN_TIMEOUT_MS);
      if (result.exitCode !== 0) {
        throw failed(
          loaded,
          setup,
          label,
          `exit status ${result.exitCode}\n${tail(result.stdout + result.stderr)}`,
        );
      }
    } else {
      const seconds = waitSeconds(action);
      const result = await runCheck(ctx, action.wait, {
        timeoutMs: seconds * 1000,
        ...(signal ? { signal } : {}),
      });
      if (!result.passed) {
        throw failed(
          loaded,
          setup,
          label,
          `waited ${seconds} s: expected ${result.expected}, found ${result.found}`,
        );
      }
    }
  }
}

/**
 * Runs the setups the step needs that have not run on this lab yet, and records each. Costs
 * nothing for a scenario without setup (no kubectl call at all). Returns the keys it ran.
 */
export async function ensureSetup(
  ctx: LabContext,
  loaded: LoadedScenario,
  index: number,
  signal?: AbortSignal,
): Promise<string[]> {
  const setups = setupsFor(loaded, index);
  if (setups.length === 0) return [];
  const done = await setupsDone(ctx);
  const ran: string[] = [];
  for (const setup of setups) {
    if (done.has(setup.key)) continue;
    await runSetup(ctx, loaded, setup, signal);
    await recordDone(ctx, setup.key);
    ran.push(setup.key);
  }
  return ran;
}
