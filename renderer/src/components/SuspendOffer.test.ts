import { render, screen } from '@testing-library/svelte';
import userEvent from '@testing-library/user-event';
import { describe, expect, it, vi } from 'vitest';
import type { LabApi } from '../../../main/api/contract.ts';
import type { LabStatusView } from '../../../main/api/schemas/lab.ts';
import { delegatingClient, emitEvent, fakeWindowApi } from '../../test/fake-window-api.ts';
import SuspendOffer from './SuspendOffer.svelte';

function status(states: string[]): LabStatusView {
  return {
    lab: 'ui2',
    exists: true,
    nodes: states.map((containerState, i) => ({
      name: i === 0 ? 'control-plane' : `worker${i}`,
      role: i === 0 ? 'control-plane' : 'worker',
      container: `kubelab-ui2-node${i}`,
      containerState,
      ready: containerState === 'running',
      ip: `10.100.0.1${i + 1}`,
      podCidr: `10.0.${i + 1}.0/24`,
      bridge: null,
    })),
    apiEndpoint: null,
    kubeconfig: null,
    versions: { kubernetes: '', containerd: '', etcd: '', coredns: '' },
    problems: [],
  };
}

describe('SuspendOffer', () => {
  it('offers to suspend a running lab after the learner left a scenario, and suspends on click', async () => {
    const suspend = vi.fn<LabApi['lab']['suspend']>(() => Promise.resolve({ operationId: 's-1' }));
    fakeWindowApi({
      lab: { status: () => Promise.resolve(status(['running', 'running'])), suspend },
    });
    const ondismiss = vi.fn();
    render(SuspendOffer, { client: delegatingClient(), lab: 'ui2', leftScenario: true, ondismiss });
    expect((await screen.findByTestId('suspend-offer')).textContent).toContain('2 node(s)');
    await userEvent.click(screen.getByTestId('suspend-lab'));
    expect(suspend).toHaveBeenCalledWith({ lab: 'ui2' });
    emitEvent('progress', {
      operationId: 's-1',
      kind: 'lab.suspend',
      phase: 'suspending',
      percent: 100,
      elapsedMs: 800,
      message: 'suspended 2 node(s)',
      state: 'done',
    });
    await vi.waitFor(() => expect(ondismiss).toHaveBeenCalled());
  });

  it('offers nothing while in the scenario, or for a lab with no running node', async () => {
    fakeWindowApi({ lab: { status: () => Promise.resolve(status(['paused'])) } });
    const { rerender } = render(SuspendOffer, {
      client: delegatingClient(),
      lab: 'ui2',
      leftScenario: true,
      ondismiss: () => undefined,
    });
    await new Promise((resolve) => setTimeout(resolve, 50));
    expect(screen.queryByTestId('suspend-offer')).toBeNull();
    await rerender({ leftScenario: false });
    expect(screen.queryByTestId('suspend-offer')).toBeNull();
  });
});
