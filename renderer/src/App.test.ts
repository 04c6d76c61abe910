import { describe, expect, it, vi } from 'vitest';
import { render, screen, within } from '@testing-library/svelte';
import userEvent from '@testing-library/user-event';
import type { LabApi } from '../../main/api/contract.ts';
import type { LabStatusView } from '../../main/api/schemas/lab.ts';
import type { ScenarioView } from '../../main/api/schemas/scenarios.ts';
import { emitEvent, fakeWindowApi } from '../test/fake-window-api.ts';
import App from './App.svelte';

const volumes: ScenarioView = {
  id: 'vol',
  title: 'Volumes',
  summary: 'Storage for pods',
  level: 'beginner',
  minutes: 40,
  nodes: 2,
  origin: 'built-in',
  intro: null,
  finish: null,
  authoring: false,
  problems: [],
  steps: [{ id: 'x', title: 'Step x', markdown: 'Read me first.', hints: [], checks: [] }],
};

const noLab: LabStatusView = {
  lab: 'default',
  exists: false,
  nodes: [],
  apiEndpoint: null,
  kubeconfig: null,
  versions: { kubernetes: '', containerd: '', etcd: '', coredns: '' },
  problems: [],
};

function fakeHome(up: LabApi['lab']['up']): void {
  fakeWindowApi({
    engine: {
      status: () =>
        Promise.resolve({
          reachable: true,
          version: '20.10',
          apiVersion: '1.41',
          os: 'Debian',
          cgroupVersion: '1',
          nodeMode: 'privileged',
          problem: null,
        }),
    },
    images: { list: () => Promise.resolve([]) },
    lab: { status: () => Promise.resolve(noLab), up },
    operations: { list: () => Promise.resolve([]) },
    scenarios: {
      list: () => Promise.resolve([volumes]),
      progress: () => Promise.resolve({}),
      open: () => Promise.resolve({ ready: true, problem: null }),
    },
  });
}

describe('App', () => {
  it('switches theme system → light → dark and remembers the choice', async () => {
    fakeHome(vi.fn());
    render(App);
    const toggle = await screen.findByTestId('theme-toggle');
    expect(toggle.textContent).toBe('Theme: system');
    await userEvent.click(toggle);
    expect(document.documentElement.dataset['theme']).toBe('light');
    await userEvent.click(toggle);
    expect(document.documentElement.dataset['theme']).toBe('dark');
    expect(window.localStorage.getItem('kubelab.theme')).toBe('dark');
    expect(toggle.getAttribute('aria-label')).toBe('Theme: dark (change)');
  });

  it('starting a scenario opens it and gets its lab ready in the background', async () => {
    const up = vi.fn<LabApi['lab']['up']>(() => Promise.resolve({ operationId: 'up-1' }));
    fakeHome(up);
    render(App);
    await userEvent.click(await screen.findByRole('button', { name: 'Start Volumes' }));
    expect((await screen.findByTestId('scenario-title')).textContent).toBe('Volumes');
    await vi.waitFor(() => expect(up).toHaveBeenCalledWith({ lab: 'default', nodes: 2 }));
    const running = {
      operationId: 'up-1',
      kind: 'lab.up',
      phase: 'control plane',
      percent: 40,
      elapsedMs: 20_000,
      message: 'kubeadm init',
      state: 'running' as const,
    };
    emitEvent('progress', running);
    const preparation = await screen.findByTestId('lab-preparation');
    expect(preparation.textContent).toContain('Lab starting: control plane · 40%');
    expect(within(preparation).getByRole('progressbar')).toBeTruthy();
    emitEvent('progress', { ...running, percent: 100, state: 'done' });
    await vi.waitFor(() => expect(screen.queryByTestId('lab-preparation')).toBeNull());
    expect(screen.queryByTestId('lab-preparation-error')).toBeNull();
  });
});
