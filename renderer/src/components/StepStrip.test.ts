import { describe, expect, it, vi } from 'vitest';
import { render, screen } from '@testing-library/svelte';
import userEvent from '@testing-library/user-event';
import StepStrip from './StepStrip.svelte';

const steps = [
  { id: 'a', title: 'Create the pod' },
  { id: 'b', title: 'Mount the volume' },
  { id: 'c', title: 'Clean up' },
];

describe('StepStrip', () => {
  it('shows overall progress and marks passed and current steps', () => {
    render(StepStrip, { steps, passed: ['a', 'gone'], current: 1, onselect: vi.fn() });
    expect(
      screen.getByRole('progressbar', { name: 'Scenario progress: 1 of 3 steps passed' }),
    ).toBeTruthy();
    const first = screen.getByRole('button', { name: 'Step 1: Create the pod (passed)' });
    expect(first.textContent).toBe('✓');
    const second = screen.getByRole('button', { name: 'Step 2: Mount the volume' });
    expect(second.getAttribute('aria-current')).toBe('step');
    expect(first.getAttribute('aria-current')).toBeNull();
  });

  it('moves to a step by click or keyboard', async () => {
    const onselect = vi.fn();
    render(StepStrip, { steps, passed: [], current: 0, onselect });
    await userEvent.click(screen.getByTestId('step-dot-3'));
    expect(onselect).toHaveBeenLastCalledWith(2);
    screen.getByTestId('step-dot-2').focus();
    await userEvent.keyboard('{Enter}');
    expect(onselect).toHaveBeenLastCalledWith(1);
  });
});
