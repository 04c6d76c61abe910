import { describe, expect, it, vi } from 'vitest';
import { render, screen, within } from '@testing-library/svelte';
import userEvent from '@testing-library/user-event';
import type { ScenarioView } from '../../../main/api/schemas/scenarios.ts';
import { delegatingClient, fakeWindowApi } from '../../test/fake-window-api.ts';
import ScenarioCatalogue from './ScenarioCatalogue.svelte';

function scenario(id: string, title: string, steps: number, nodes = 1): ScenarioView {
  return {
    id,
    title,
    summary: `${title} summary`,
    level: 'beginner',
    minutes: 20,
    nodes,
    origin: 'built-in',
    intro: null,
    finish: null,
    authoring: false,
    problems: [],
    steps: Array.from({ length: steps }, (_, i) => ({
      id: `s${i + 1}`,
      title: `Step ${i + 1}`,
      markdown: '',
      hints: [],
      checks: [],
    })),
  };
}

const scenarios = [
  scenario('pods', 'Two containers, one pod', 4),
  scenario('net', 'Pod networking', 2, 2),
  scenario('vol', 'Volumes', 3),
];

describe('ScenarioCatalogue', () => {
  it('shows each scenario with its facts and the progress made in this lab', async () => {
    const progress = vi.fn(() =>
      Promise.resolve({
        pods: { passed: ['s1'], hintsUsed: {} },
        net: { passed: ['s1', 's2'], hintsUsed: {} },
      }),
    );
    fakeWindowApi({ scenarios: { list: () => Promise.resolve(scenarios), progress } });
    render(ScenarioCatalogue, { client: delegatingClient(), lab: 'ui2', onopen: vi.fn() });
    const pods = await screen.findByTestId('catalogue-pods');
    expect(progress).toHaveBeenCalledWith({ lab: 'ui2' });
    await vi.waitFor(() => expect(pods.dataset['state']).toBe('started'));
    expect(within(pods).getByRole('heading').textContent).toBe('Two containers, one pod');
    expect(pods.textContent).toContain('beginner · about 20 min · 1 node');
    expect(within(pods).getByTestId('catalogue-progress').textContent).toBe('1 / 4 steps');
    expect(
      within(pods).getByRole('progressbar', {
        name: 'Two containers, one pod: 1 of 4 steps passed',
      }),
    ).toBeTruthy();
    expect(screen.getByTestId('catalogue-net').dataset['state']).toBe('done');
    expect(screen.getByTestId('catalogue-net').textContent).toContain('2 nodes');
    expect(screen.getByRole('button', { name: 'Continue Two containers, one pod' })).toBeTruthy();
    expect(screen.getByRole('button', { name: 'Review Pod networking' })).toBeTruthy();
    expect(screen.getByRole('button', { name: 'Start Volumes' })).toBeTruthy();
  });

  it('marks scenarios a workshop bundle installed, and the one replacing a built-in', async () => {
    fakeWindowApi({
      scenarios: {
        list: () =>
          Promise.resolve([
            { ...scenarios[0]!, origin: 'bundle-replacing-built-in' as const },
            { ...scenarios[1]!, origin: 'bundle' as const },
            scenarios[2]!,
          ]),
        progress: () => Promise.resolve({}),
      },
    });
    render(ScenarioCatalogue, { client: delegatingClient(), lab: 'ui2', onopen: vi.fn() });
    const pods = await screen.findByTestId('catalogue-pods');
    expect(within(pods).getByTestId('catalogue-origin').textContent).toContain(
      'replaces the built-in scenario',
    );
    expect(
      within(screen.getByTestId('catalogue-net')).getByTestId('catalogue-origin').textContent,
    ).toContain('From a workshop bundle.');
    expect(
      within(screen.getByTestId('catalogue-vol')).queryByTestId('catalogue-origin'),
    ).toBeNull();
  });

  it("opens on a workshop's scenarios: first, under their own heading", async () => {
    fakeWindowApi({
      scenarios: {
        list: () =>
          Promise.resolve([scenarios[0]!, { ...scenarios[2]!, origin: 'bundle' as const }]),
        progress: () => Promise.resolve({}),
      },
    });
    render(ScenarioCatalogue, { client: delegatingClient(), lab: 'ui2', onopen: vi.fn() });
    const workshop = await screen.findByRole('list', { name: 'Your workshop' });
    expect(within(workshop).getByTestId('catalogue-vol')).toBeTruthy();
    const more = screen.getByRole('list', { name: 'More scenarios' });
    expect(within(more).getByTestId('catalogue-pods')).toBeTruthy();
    // In the page's order too: the workshop's list before the others.
    expect(workshop.compareDocumentPosition(more) & Node.DOCUMENT_POSITION_FOLLOWING).toBeTruthy();
  });

  it('opens a scenario, saying whether it starts fresh', async () => {
    fakeWindowApi({
      scenarios: {
        list: () => Promise.resolve(scenarios),
        progress: () => Promise.resolve({ pods: { passed: ['s1'], hintsUsed: {} } }),
      },
    });
    const onopen = vi.fn();
    render(ScenarioCatalogue, { client: delegatingClient(), lab: 'ui2', onopen });
    await userEvent.click(await screen.findByRole('button', { name: 'Start Volumes' }));
    expect(onopen).toHaveBeenLastCalledWith(scenarios[2], true);
    await userEvent.click(
      await screen.findByRole('button', { name: 'Continue Two containers, one pod' }),
    );
    expect(onopen).toHaveBeenLastCalledWith(scenarios[0], false);
  });

  it('says why the list is missing when scenarios cannot be loaded', async () => {
    fakeWindowApi({
      scenarios: {
        list: () => Promise.reject(new Error('scenarios/pods/scenario.yaml: bad level')),
        progress: () => Promise.resolve({}),
      },
    });
    render(ScenarioCatalogue, { client: delegatingClient(), lab: 'ui2', onopen: vi.fn() });
    expect((await screen.findByRole('alert')).textContent).toContain('bad level');
  });
});
