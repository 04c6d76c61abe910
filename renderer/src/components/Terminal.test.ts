import { afterEach, beforeAll, describe, expect, it, vi } from 'vitest';
import { render, screen } from '@testing-library/svelte';
import type { LabApi } from '../../../main/api/contract.ts';
import { delegatingClient, emitEvent, fakeWindowApi } from '../../test/fake-window-api.ts';
import Terminal from './Terminal.svelte';

beforeAll(() => {
  // jsdom has no layout: the view observes a size that never changes.
  globalThis.ResizeObserver ??= class {
    observe(): void {}
    unobserve(): void {}
    disconnect(): void {}
  };
  // …and no media queries (xterm watches the device pixel ratio).
  const noMedia = (query: string): MediaQueryList =>
    ({
      matches: false,
      media: query,
      onchange: null,
      addListener: () => undefined,
      removeListener: () => undefined,
      addEventListener: () => undefined,
      removeEventListener: () => undefined,
      dispatchEvent: () => false,
    }) as MediaQueryList;
  Object.defineProperty(window, 'matchMedia', { value: noMedia, configurable: true });
});

describe('Terminal', () => {
  afterEach(() => vi.useRealTimers());

  it('opens with flow control and acks output once it is drawn', async () => {
    const open = vi.fn<LabApi['terminal']['open']>(() =>
      Promise.resolve({ sessionId: 's1', replay: '' }),
    );
    const ack = vi.fn<LabApi['terminal']['ack']>(() => Promise.resolve({ ok: true }));
    fakeWindowApi({ terminal: { open, ack, resize: () => Promise.resolve({ ok: true }) } });
    render(Terminal, { client: delegatingClient(), lab: 'ui2', node: 'control-plane' });
    await vi.waitFor(() => expect(open).toHaveBeenCalled());
    expect(open.mock.calls[0]![0]).toMatchObject({
      lab: 'ui2',
      node: 'control-plane',
      ackOutput: true,
    });
    await vi.waitFor(() => expect(screen.getByTestId('terminal').dataset['status']).toBe('open'));
    const line = `${'y\r\n'.repeat(4000)}`;
    for (let i = 0; i < 4; i++) emitEvent('terminalData', { sessionId: 's1', data: line });
    // Other sessions' output is neither drawn nor acked here.
    emitEvent('terminalData', { sessionId: 'other', data: line });
    await vi.waitFor(() => expect(ack).toHaveBeenCalled(), { timeout: 3000 });
    const acked = ack.mock.calls.reduce((sum, [input]) => sum + input.chars, 0);
    expect(ack.mock.calls.every(([input]) => input.sessionId === 's1')).toBe(true);
    expect(acked).toBeGreaterThanOrEqual(32 * 1024);
    expect(acked).toBeLessThanOrEqual(4 * line.length);
  });

  it('waits for a node that went down and reconnects by itself when it answers again', async () => {
    let nodeUp = true;
    let opened = 0;
    const open = vi.fn<LabApi['terminal']['open']>(() =>
      nodeUp
        ? Promise.resolve({ sessionId: `s${++opened}`, replay: '' })
        : Promise.reject(new Error('Node "control-plane" of lab "ui2" is not running.')),
    );
    fakeWindowApi({ terminal: { open, resize: () => Promise.resolve({ ok: true }) } });
    render(Terminal, { client: delegatingClient(), lab: 'ui2', node: 'control-plane' });
    const view = screen.getByTestId('terminal');
    await vi.waitFor(() => expect(view.dataset['status']).toBe('open'));
    nodeUp = false;
    emitEvent('terminalExit', { sessionId: 's1', code: 137 });
    await vi.waitFor(() => expect(view.dataset['status']).toBe('waiting'));
    expect(screen.getByTestId('terminal-waiting').textContent).toContain(
      'control-plane is not running',
    );
    // Tries while the node is down stay quiet (no error banner), and keep trying.
    await vi.waitFor(() => expect(open).toHaveBeenCalledTimes(2), { timeout: 5000 });
    expect(screen.queryByTestId('terminal-error')).toBeNull();
    expect(view.dataset['status']).toBe('waiting');
    nodeUp = true;
    await vi.waitFor(() => expect(view.dataset['status']).toBe('open'), { timeout: 5000 });
    expect(open).toHaveBeenCalledTimes(3);
  });

  it('leaves a shell the learner exited to a Reconnect button', async () => {
    const open = vi.fn<LabApi['terminal']['open']>(() =>
      Promise.resolve({ sessionId: 's1', replay: '' }),
    );
    fakeWindowApi({
      terminal: { open, resize: () => Promise.resolve({ ok: true }) },
    });
    render(Terminal, { client: delegatingClient(), lab: 'ui2', node: 'control-plane' });
    const view = screen.getByTestId('terminal');
    await vi.waitFor(() => expect(view.dataset['status']).toBe('open'));
    emitEvent('terminalExit', { sessionId: 's1', code: 0 });
    expect((await screen.findByTestId('terminal-exited')).textContent).toContain('Reconnect');
    await new Promise((resolve) => setTimeout(resolve, 300));
    expect(open).toHaveBeenCalledOnce();
  });
});
