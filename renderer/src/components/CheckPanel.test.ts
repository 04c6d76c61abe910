import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { render, screen, within } from '@testing-library/svelte';
import userEvent from '@testing-library/user-event';
import type { StepCheckView } from '../../../main/api/schemas/scenarios.ts';
import { delegatingClient, emitEvent, fakeWindowApi } from '../../test/fake-window-api.ts';
import { activeTerminal } from '../lib/active-terminal.svelte.ts';
import CheckPanel from './CheckPanel.svelte';

const ref = { lab: 'ui2', scenario: 'volumes', step: 'emptydir' };

function condition(description: string, passed: boolean): StepCheckView['results'][number] {
  return {
    type: 'exists',
    passed,
    description,
    expected: `${description} expected`,
    found: `${description} found`,
    hint: passed ? null : `${description} hint`,
    command: `kubectl get ${description}`,
    runIn: 'control-plane',
  };
}

function answer(results: StepCheckView['results']): StepCheckView {
  return {
    scenario: ref.scenario,
    step: ref.step,
    index: 0,
    title: 'emptyDir',
    passed: results.every((r) => r.passed),
    results,
    clusterProblem: null,
    seconds: 0.2,
  };
}

function renderPanel(passed = false, onchange = vi.fn()): ReturnType<typeof vi.fn> {
  render(CheckPanel, {
    client: delegatingClient(),
    ...ref,
    hints: ['look at volumes', 'mount it'],
    passed,
    onchange,
  });
  return onchange;
}

describe('CheckPanel', () => {
  afterEach(() => vi.restoreAllMocks());

  it('lists failed conditions first, each with expected, found, hint and the command it ran', async () => {
    const check = vi.fn(() =>
      Promise.resolve(answer([condition('pod-ok', true), condition('volume', false)])),
    );
    fakeWindowApi({ scenarios: { check } });
    renderPanel();
    await userEvent.click(screen.getByTestId('check-button'));
    expect(check).toHaveBeenCalledWith(ref);
    expect((await screen.findByTestId('check-summary')).textContent).toContain(
      '1 of 2 condition(s) not met yet.',
    );
    const items = screen.getAllByTestId('condition');
    expect(items.map((li) => li.dataset['passed'])).toEqual(['false', 'true']);
    const failed = within(items[0]!);
    expect(failed.getByTestId('expected').textContent).toBe('volume expected');
    expect(failed.getByTestId('found').textContent).toBe('volume found');
    expect(failed.getByText('volume hint')).toBeTruthy();
    expect(failed.getByText('kubectl get volume')).toBeTruthy();
    // A passed condition shows no expected/found noise.
    expect(within(items[1]!).queryByTestId('expected')).toBeNull();
  });

  it('says the lab cannot answer instead of marking the answer wrong', async () => {
    fakeWindowApi({
      scenarios: {
        check: () =>
          Promise.resolve({
            ...answer([condition('volume', false)]),
            clusterProblem: { message: 'API server not answering', fix: 'kubelab up --lab ui2' },
          }),
      },
    });
    renderPanel();
    await userEvent.click(screen.getByTestId('check-button'));
    const problem = await screen.findByTestId('cluster-problem');
    expect(problem.textContent).toContain('not about your answer');
    expect(problem.textContent).toContain('kubelab up --lab ui2');
    expect(screen.queryByTestId('condition')).toBeNull();
  });

  it('reveals hints one at a time and records how many were shown', async () => {
    const hint = vi.fn(() => Promise.resolve({}));
    fakeWindowApi({ scenarios: { hint } });
    renderPanel();
    const button = screen.getByTestId('hint-button');
    expect(button.textContent).toContain('(0/2)');
    await userEvent.click(button);
    expect(screen.getAllByTestId('hint').map((p) => p.textContent)).toEqual([
      'Hint 1: look at volumes',
    ]);
    await userEvent.click(button);
    expect(screen.getAllByTestId('hint')).toHaveLength(2);
    expect(hint).toHaveBeenLastCalledWith({ ...ref, shown: 2 });
    expect((button as HTMLButtonElement).disabled).toBe(true);
  });

  it('asks before solving, and does nothing when the learner says no', async () => {
    const solve = vi.fn(() => Promise.resolve({ operationId: 'op-1' }));
    fakeWindowApi({ scenarios: { solve } });
    const confirm = vi.spyOn(window, 'confirm').mockReturnValue(false);
    renderPanel();
    await userEvent.click(screen.getByTestId('solve-button'));
    expect(confirm).toHaveBeenCalledOnce();
    expect(solve).not.toHaveBeenCalled();
  });

  it('solves after a yes, waits for the operation, then checks and reports the change', async () => {
    const solve = vi.fn(() => Promise.resolve({ operationId: 'op-1' }));
    const check = vi.fn(() => Promise.resolve(answer([condition('volume', true)])));
    fakeWindowApi({ scenarios: { solve, check } });
    vi.spyOn(window, 'confirm').mockReturnValue(true);
    const onchange = renderPanel();
    await userEvent.click(screen.getByTestId('solve-button'));
    expect(solve).toHaveBeenCalledWith(ref);
    expect(screen.getByTestId('solve-button').textContent).toContain('Solving');
    expect(check).not.toHaveBeenCalled();
    const progress = {
      operationId: 'op-1',
      kind: 'scenarios.solve',
      phase: 'emptydir',
      percent: 100,
      elapsedMs: 900,
      message: 'applied',
      state: 'done' as const,
    };
    emitEvent('progress', progress);
    expect(await screen.findByTestId('check-summary')).toBeTruthy();
    expect(check).toHaveBeenCalledOnce();
    expect(onchange).toHaveBeenCalled();
  });

  describe('quiet re-check', () => {
    beforeEach(() => {
      vi.useFakeTimers({ shouldAdvanceTime: true });
      Object.defineProperty(document, 'visibilityState', { value: 'visible', configurable: true });
    });
    afterEach(() => vi.useRealTimers());

    it('re-checks in the background and shows only a pass', async () => {
      let passing = false;
      const check = vi.fn(() => Promise.resolve(answer([condition('volume', passing)])));
      fakeWindowApi({ scenarios: { check } });
      const onchange = renderPanel();
      await vi.advanceTimersByTimeAsync(8000);
      expect(check).toHaveBeenCalledTimes(1);
      // A quiet failure is not shown: the learner is still typing.
      expect(screen.queryByTestId('check-summary')).toBeNull();
      passing = true;
      await vi.advanceTimersByTimeAsync(8000);
      expect(check).toHaveBeenCalledTimes(2);
      expect((await screen.findByTestId('check-summary')).textContent).toBe('All conditions met.');
      expect(onchange).toHaveBeenCalled();
    });

    it('re-checks once, shortly after a burst of commands in the terminal', async () => {
      const check = vi.fn(() => Promise.resolve(answer([condition('volume', true)])));
      fakeWindowApi({ scenarios: { check } });
      renderPanel();
      activeTerminal.commands++;
      await vi.advanceTimersByTimeAsync(1000);
      activeTerminal.commands++;
      await vi.advanceTimersByTimeAsync(2000);
      // The second Enter pushed the check back: nothing yet, 3 s after the first.
      expect(check).not.toHaveBeenCalled();
      await vi.advanceTimersByTimeAsync(600);
      expect(check).toHaveBeenCalledOnce();
      expect((await screen.findByTestId('check-summary')).textContent).toBe('All conditions met.');
    });

    it('does not re-check a step already passed', async () => {
      const check = vi.fn(() => Promise.resolve(answer([])));
      fakeWindowApi({ scenarios: { check } });
      renderPanel(true);
      await vi.advanceTimersByTimeAsync(20_000);
      expect(check).not.toHaveBeenCalled();
      expect(screen.getByTestId('step-passed')).toBeTruthy();
    });
  });
});
