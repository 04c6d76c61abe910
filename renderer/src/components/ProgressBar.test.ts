import { afterEach, describe, expect, it, vi } from 'vitest';
import { render, screen } from '@testing-library/svelte';
import userEvent from '@testing-library/user-event';
import type { Progress } from '../../../main/api/schemas/events.ts';
import ProgressBar from './ProgressBar.svelte';

const running: Progress = {
  operationId: 'o1',
  kind: 'images.build',
  phase: 'node',
  percent: 41.6,
  message: 'go build kubelet',
  state: 'running',
  elapsedMs: 65_000,
};

describe('ProgressBar', () => {
  afterEach(() => vi.useRealTimers());

  it('shows phase, rounded percent, elapsed time and the message', () => {
    render(ProgressBar, { progress: running, testid: 'op', label: 'Building images' });
    const bar = screen.getByTestId('op');
    expect(bar.dataset['state']).toBe('running');
    expect(bar.textContent).toContain('node · 42% · 1 min 5 s');
    expect(screen.getByText('go build kubelet')).toBeTruthy();
    expect(screen.getByRole('progressbar', { name: 'Building images' })).toBeTruthy();
  });

  it('keeps the elapsed time moving between events while running', async () => {
    vi.useFakeTimers();
    render(ProgressBar, { progress: running, testid: 'op' });
    await vi.advanceTimersByTimeAsync(3000);
    expect(screen.getByTestId('op').textContent).toContain('1 min 8 s');
  });

  it('shows the error of a failed operation and no Cancel', () => {
    render(ProgressBar, {
      progress: { ...running, state: 'failed', error: 'kubelet did not compile' },
      testid: 'op',
      oncancel: () => undefined,
    });
    expect(screen.getByText('kubelet did not compile')).toBeTruthy();
    expect(screen.getByTestId('op').textContent).toContain('· failed');
    expect(screen.queryByRole('button')).toBeNull();
  });

  it('shows the fix of a failed operation under its error', () => {
    render(ProgressBar, {
      progress: {
        ...running,
        kind: 'lab.up',
        state: 'failed',
        error: 'Port 6443 is already in use.',
        errorDetail: {
          name: 'LabError',
          code: 'PORT_IN_USE',
          message: 'Port 6443 is already in use.',
          fix: 'Free that port, or recreate the lab on a new port.',
        },
      },
      testid: 'op',
    });
    expect(screen.getByText('Port 6443 is already in use.')).toBeTruthy();
    expect(screen.getByTestId('op-fix').textContent).toBe(
      'Free that port, or recreate the lab on a new port.',
    );
  });

  it('shows no fix while running or once cancelled', async () => {
    const errorDetail = { name: 'LabError', code: 'CANCELLED', message: 'cancelled', fix: 'x' };
    const { rerender } = render(ProgressBar, {
      progress: { ...running, errorDetail },
      testid: 'op',
    });
    expect(screen.queryByTestId('op-fix')).toBeNull();
    await rerender({
      progress: { ...running, state: 'cancelled', error: 'cancelled', errorDetail },
    });
    expect(screen.getByTestId('op').dataset['state']).toBe('cancelled');
    expect(screen.queryByTestId('op-fix')).toBeNull();
  });

  it('offers Cancel only when the operation can be cancelled, once', async () => {
    const oncancel = vi.fn();
    render(ProgressBar, { progress: running, testid: 'op', label: 'Building images', oncancel });
    const button = screen.getByRole('button', { name: 'Cancel Building images' });
    await userEvent.click(button);
    await userEvent.click(button);
    expect(oncancel).toHaveBeenCalledOnce();
    expect(button.textContent).toBe('Cancelling…');
  });

  it('has no Cancel for an operation that cannot stop half-way', () => {
    render(ProgressBar, { progress: running, testid: 'op' });
    expect(screen.queryByRole('button')).toBeNull();
  });
});
