import { describe, expect, it, vi } from 'vitest';
import { render, screen } from '@testing-library/svelte';
import userEvent from '@testing-library/user-event';
import type { LabApi } from '../../../main/api/contract.ts';
import type { ScenarioView } from '../../../main/api/schemas/scenarios.ts';
import { delegatingClient, emitEvent, fakeWindowApi } from '../../test/fake-window-api.ts';
import ScenarioScreen from './ScenarioScreen.svelte';

function scenario(id: string, title: string, steps: string[]): ScenarioView {
  return {
    id,
    title,
    summary: `${title} summary`,
    level: 'beginner',
    minutes: 20,
    nodes: 1,
    origin: 'built-in',
    intro: null,
    finish: null,
    authoring: false,
    problems: [],
    steps: steps.map((step) => ({
      id: step,
      title: `Step ${step}`,
      markdown: `Do ${step}.`,
      hints: [],
      checks: [],
    })),
  };
}

const scenarios = [
  scenario('pods', 'Pods', ['a', 'b']),
  scenario('vol', 'Volumes', ['x', 'y', 'z']),
  { ...scenario('fix', 'Fix it', ['f']), intro: 'Something is broken.', finish: 'Repaired!' },
  { ...scenario('done', 'Done', ['d']), intro: 'Hello again.', finish: 'All done here.' },
];

type Open = LabApi['scenarios']['open'];

function fakeScenarioApi(open: Open): void {
  fakeWindowApi({
    scenarios: {
      list: () => Promise.resolve(scenarios),
      progress: () =>
        Promise.resolve({
          vol: { passed: ['x'], hintsUsed: {} },
          done: { passed: ['d'], hintsUsed: {} },
        }),
      open,
    },
    lab: {
      status: () =>
        Promise.resolve({
          lab: 'ui2',
          exists: false,
          nodes: [],
          apiEndpoint: null,
          kubeconfig: null,
          versions: { kubernetes: '', containerd: '', etcd: '', coredns: '' },
          problems: [],
        }),
    },
  });
}

describe('ScenarioScreen', () => {
  it('opens on the scenario chosen on Home, with overall progress and step navigation', async () => {
    const open = vi.fn<Open>(() => Promise.resolve({ ready: true, problem: null }));
    fakeScenarioApi(open);
    render(ScenarioScreen, { client: delegatingClient(), lab: 'ui2', initialScenario: 'vol' });
    expect((await screen.findByTestId('scenario-title')).textContent).toBe('Volumes');
    expect(
      await screen.findByRole('progressbar', {
        name: 'Scenario progress: 1 of 3 steps passed',
      }),
    ).toBeTruthy();
    await vi.waitFor(() =>
      expect(open).toHaveBeenLastCalledWith({ lab: 'ui2', scenario: 'vol', step: 'x' }),
    );
    await userEvent.click(screen.getByTestId('step-dot-3'));
    expect(screen.getByTestId('step-title').textContent).toBe('Step z');
    expect(screen.getByTestId('step-position').textContent).toContain('Step 3 of 3');
    await userEvent.click(screen.getByRole('button', { name: '← Previous' }));
    expect(screen.getByTestId('step-title').textContent).toBe('Step y');
    await vi.waitFor(() =>
      expect(open).toHaveBeenLastCalledWith({ lab: 'ui2', scenario: 'vol', step: 'y' }),
    );
  });

  it('puts the step’s files in place again once the lab has been started or reset', async () => {
    const open = vi
      .fn<Open>()
      .mockResolvedValueOnce({ ready: false, problem: 'There is no lab "ui2".' })
      .mockResolvedValue({ ready: true, problem: null });
    fakeScenarioApi(open);
    render(ScenarioScreen, { client: delegatingClient(), lab: 'ui2', initialScenario: 'pods' });
    expect((await screen.findByTestId('lab-problem')).textContent).toContain('no lab');
    emitEvent('progress', {
      operationId: 'up-1',
      kind: 'lab.up',
      phase: 'ready',
      percent: 100,
      elapsedMs: 30_000,
      message: 'lab ready',
      state: 'done',
    });
    await vi.waitFor(() => expect(open).toHaveBeenCalledTimes(2));
    await vi.waitFor(() => expect(screen.queryByTestId('lab-problem')).toBeNull());
  });

  it('opens on the intro of a scenario not started, and shows no finish page yet', async () => {
    fakeScenarioApi(vi.fn<Open>(() => Promise.resolve({ ready: true, problem: null })));
    render(ScenarioScreen, { client: delegatingClient(), lab: 'ui2', initialScenario: 'fix' });
    const intro = await screen.findByTestId<HTMLDetailsElement>('intro-page');
    expect(intro.textContent).toContain('Something is broken.');
    expect(intro.open).toBe(true);
    expect(screen.queryByTestId('finish-page')).toBeNull();
  });

  it('folds the intro away and shows the finish page once every step has passed', async () => {
    fakeScenarioApi(vi.fn<Open>(() => Promise.resolve({ ready: true, problem: null })));
    render(ScenarioScreen, { client: delegatingClient(), lab: 'ui2', initialScenario: 'done' });
    expect((await screen.findByTestId('finish-page')).textContent).toContain('All done here.');
    expect(screen.getByTestId<HTMLDetailsElement>('intro-page').open).toBe(false);
  });

  it('in authoring mode shows lint problems, the step’s checks, and verifies the step', async () => {
    const authored: ScenarioView = {
      ...scenario('auth', 'Authored', ['one']),
      authoring: true,
      problems: [
        {
          severity: 'error',
          file: 'auth/scenario.yaml',
          line: 12,
          column: 7,
          path: 'steps[0].checks[0].kind',
          message: 'must be a Kubernetes kind',
        },
      ],
    };
    authored.steps[0]!.checks = ['The pod web is Ready.'];
    const verifyStep = vi.fn<LabApi['scenarios']['verifyStep']>(() =>
      Promise.resolve({ operationId: 'v-1' }),
    );
    fakeWindowApi({
      scenarios: {
        list: () => Promise.resolve([authored]),
        progress: () => Promise.resolve({}),
        open: () => Promise.resolve({ ready: true, problem: null }),
        verifyStep,
      },
    });
    render(ScenarioScreen, { client: delegatingClient(), lab: 'ui2', initialScenario: 'auth' });
    const problem = await screen.findByTestId('scenario-problem');
    expect(problem.textContent).toContain('auth/scenario.yaml:12:7');
    expect(problem.textContent).toContain('steps[0].checks[0].kind: must be a Kubernetes kind');
    expect(screen.getByTestId('step-checks').textContent).toContain('The pod web is Ready.');
    await userEvent.click(screen.getByTestId('verify-step-button'));
    expect(verifyStep).toHaveBeenCalledWith({ lab: 'ui2', scenario: 'auth', step: 'one' });
    emitEvent('progress', {
      operationId: 'v-1',
      kind: 'scenarios.verify-step',
      phase: 'one',
      percent: 100,
      elapsedMs: 900,
      message: 'verified one: setup, fail before, solve (0.4 s), pass after',
      state: 'done',
    });
    expect((await screen.findByTestId('verify-outcome')).textContent).toContain('verified one');
  });
});
