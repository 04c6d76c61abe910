import { describe, expect, it, vi } from 'vitest';
import { render, screen, within } from '@testing-library/svelte';
import userEvent from '@testing-library/user-event';
import type { EngineStatus } from '../../../main/api/schemas/engine.ts';
import type { Progress } from '../../../main/api/schemas/events.ts';
import type { ImageStatus } from '../../../main/api/schemas/images.ts';
import type { LabStatusView } from '../../../main/api/schemas/lab.ts';
import { delegatingClient, emitEvent, fakeWindowApi } from '../../test/fake-window-api.ts';
import StatusBar from './StatusBar.svelte';

const engine: EngineStatus = {
  reachable: true,
  version: '20.10.24',
  apiVersion: '1.41',
  os: 'Debian',
  cgroupVersion: '1',
  nodeMode: 'explicit-capabilities',
  problem: null,
};

function image(name: string, present: boolean): ImageStatus {
  return {
    name,
    ref: `kubelab/${name}:x`,
    mirrorTags: [],
    present,
    upToDate: present,
    sizeBytes: null,
    builtAt: null,
  };
}

const versions = { kubernetes: 'v1.34.2', containerd: '2.1', etcd: '3.6', coredns: '1.12' };
const noLab: LabStatusView = {
  lab: 'ui2',
  exists: false,
  nodes: [],
  apiEndpoint: null,
  kubeconfig: null,
  versions,
  problems: [],
};
const node = (name: string, state: string): LabStatusView['nodes'][number] => ({
  name,
  role: name === 'control-plane' ? 'control-plane' : 'worker',
  container: `kubelab-ui2-${name}`,
  containerState: state,
  ready: state === 'running',
  ip: '10.0.0.2',
  podCidr: '10.244.0.0/24',
  bridge: null,
});
const runningLab: LabStatusView = {
  ...noLab,
  exists: true,
  nodes: [node('control-plane', 'running'), node('worker1', 'running')],
};

function fake(options: {
  images: ImageStatus[];
  lab: LabStatusView;
  engine?: EngineStatus;
  running?: Progress[];
}): Record<string, ReturnType<typeof vi.fn>> {
  const calls = {
    build: vi.fn(() => Promise.resolve({ operationId: 'build-1' })),
    up: vi.fn(() => Promise.resolve({ operationId: 'up-1' })),
    down: vi.fn(() => Promise.resolve({ operationId: 'down-1' })),
    reset: vi.fn(() => Promise.resolve({ operationId: 'reset-1' })),
    cancel: vi.fn(() => Promise.resolve({ cancelled: true })),
  };
  fakeWindowApi({
    engine: { status: () => Promise.resolve(options.engine ?? engine) },
    images: { list: () => Promise.resolve(options.images), build: calls.build },
    lab: {
      status: () => Promise.resolve(options.lab),
      up: calls.up,
      down: calls.down,
      reset: calls.reset,
    },
    operations: { list: () => Promise.resolve(options.running ?? []), cancel: calls.cancel },
  });
  return calls;
}

const progress = (kind: string, operationId: string, state: Progress['state']): Progress => ({
  operationId,
  kind,
  phase: 'control plane',
  percent: 30,
  elapsedMs: 12_000,
  message: 'kubeadm init',
  state,
});

describe('StatusBar', () => {
  it('offers to build missing images and keeps Start disabled until they exist', async () => {
    const calls = fake({ images: [image('node', false), image('registry', true)], lab: noLab });
    render(StatusBar, { client: delegatingClient(), lab: 'ui2' });
    const images = screen.getByTestId('status-images');
    expect(await within(images).findByText('1 missing of 2 (node)')).toBeTruthy();
    expect(images.dataset['tone']).toBe('fail');
    const start = screen.getByTestId<HTMLButtonElement>('status-lab-start');
    expect(start.disabled).toBe(true);
    await userEvent.click(screen.getByTestId('status-build-images'));
    expect(calls['build']).toHaveBeenCalledWith({ names: [] });
  });

  it('shows the images a workshop bundle loaded once that load is done', async () => {
    const images = [image('node', false)];
    fake({ images, lab: noLab });
    render(StatusBar, { client: delegatingClient(), lab: 'ui2' });
    await screen.findByText('1 missing of 1 (node)');
    images[0] = image('node', true);
    emitEvent('progress', progress('bundles.load', 'load-1', 'running'));
    expect(screen.queryByText('1 missing of 1 (node)')).toBeTruthy();
    emitEvent('progress', progress('bundles.load', 'load-1', 'done'));
    await vi.waitFor(() => expect(screen.queryByText('1 missing of 1 (node)')).toBeNull());
  });

  it('shows a running build with a Cancel that cancels that operation', async () => {
    const calls = fake({ images: [image('node', false)], lab: noLab });
    render(StatusBar, { client: delegatingClient(), lab: 'ui2' });
    await screen.findByText('1 missing of 1 (node)');
    emitEvent('progress', progress('images.build', 'build-1', 'running'));
    const bar = await screen.findByTestId('status-images-progress');
    expect(bar.textContent).toContain('control plane · 30%');
    expect(screen.getByTestId<HTMLButtonElement>('status-build-images').disabled).toBe(true);
    await userEvent.click(screen.getByRole('button', { name: 'Cancel Building images' }));
    expect(calls['cancel']).toHaveBeenCalledWith({ operationId: 'build-1' });
  });

  it('starts a lab that does not exist with the chosen node count', async () => {
    const calls = fake({
      images: [image('node', true), image('registry', true), image('ghost', false)],
      lab: noLab,
    });
    render(StatusBar, { client: delegatingClient(), lab: 'ui2' });
    expect((await screen.findByTestId('status-lab-state')).textContent).toBe('not created');
    await userEvent.selectOptions(screen.getByRole('combobox', { name: 'Nodes to start' }), '3');
    const start = screen.getByTestId<HTMLButtonElement>('status-lab-start');
    await vi.waitFor(() => expect(start.disabled).toBe(false));
    await userEvent.click(start);
    expect(calls['up']).toHaveBeenCalledWith({ lab: 'ui2', nodes: 3 });
    expect(screen.getByTestId<HTMLButtonElement>('status-lab-stop').disabled).toBe(true);
  });

  it('stops and resets a running lab, and catches up on a start already running', async () => {
    const calls = fake({
      images: [image('node', true), image('registry', true)],
      lab: runningLab,
      running: [progress('lab.up', 'up-0', 'running')],
    });
    render(StatusBar, { client: delegatingClient(), lab: 'ui2' });
    // A start begun before this screen mounted shows at once, cancellable.
    const bar = await screen.findByTestId('status-lab-progress');
    expect(bar.textContent).toContain('kubeadm init');
    expect(screen.getByRole('button', { name: 'Cancel Starting the lab' })).toBeTruthy();
    emitEvent('progress', progress('lab.up', 'up-0', 'done'));
    expect((await screen.findByTestId('status-lab-state')).textContent).toBe('2 node(s) ready');
    await userEvent.click(screen.getByTestId('status-lab-stop'));
    expect(calls['down']).toHaveBeenCalledWith({ lab: 'ui2' });
    // Reset asks first, naming what goes; a no changes nothing.
    const asked = vi.spyOn(window, 'confirm').mockReturnValue(false);
    await userEvent.click(screen.getByTestId('status-lab-reset'));
    expect(asked.mock.calls[0]?.[0]).toMatch(/Reset lab "ui2"\?.*pods, Services, claims, PVs/);
    expect(calls['reset']).not.toHaveBeenCalled();
    asked.mockReturnValue(true);
    await userEvent.click(screen.getByTestId('status-lab-reset'));
    expect(calls['reset']).toHaveBeenCalledWith({ lab: 'ui2' });
    asked.mockRestore();
    // Stop and reset cannot be cancelled half-way: no Cancel on their bars.
    emitEvent('progress', progress('lab.down', 'down-1', 'running'));
    await screen.findByRole('progressbar', { name: 'Stopping the lab' });
    expect(screen.queryByRole('button', { name: /^Cancel/ })).toBeNull();
  });

  it('shows the engine fix when it cannot be reached, and disables what needs it', async () => {
    fake({
      images: [image('node', false)],
      lab: noLab,
      engine: {
        ...engine,
        reachable: false,
        version: null,
        problem: { message: 'no socket', fix: 'sudo systemctl start docker' },
      },
    });
    render(StatusBar, { client: delegatingClient(), lab: 'ui2' });
    expect(await screen.findByText('sudo systemctl start docker')).toBeTruthy();
    expect(screen.getByTestId('status-engine').dataset['tone']).toBe('fail');
    expect(screen.getByTestId<HTMLButtonElement>('status-build-images').disabled).toBe(true);
    expect(screen.getByRole('button', { name: 'Ask the engine again' })).toBeTruthy();
  });
});
