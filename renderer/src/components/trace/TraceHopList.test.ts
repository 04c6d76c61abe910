// The hop list with the fake traces of renderer/test/fixtures/trace-httpd.ts: every hop in words,
// the rule verbatim, the probe's ✓/✗ and packets, and the current-hop buttons.
import { describe, expect, it, vi } from 'vitest';
import { render, screen, within } from '@testing-library/svelte';
import userEvent from '@testing-library/user-event';
import { PROBED, TRACE } from '../../../test/fixtures/trace-httpd.ts';
import TraceHopList from './TraceHopList.svelte';

const currentHop = (): string | null =>
  document.querySelector('[aria-current="step"]')?.getAttribute('data-testid') ?? null;

describe('TraceHopList', () => {
  it('lists every hop: number, action, where, what, the rule verbatim and the command', () => {
    render(TraceHopList, { trace: TRACE, onclose: vi.fn() });
    expect(screen.getByRole('heading', { level: 3 }).textContent).toBe(
      'default/httpd-5fddf8c9f4-b2ktj → httpd.default:80 (10.102.219.74:80)',
    );
    const hops = screen.getAllByRole('listitem').filter((li) => li.dataset.action);
    expect(hops.map((li) => li.dataset.action)).toEqual([
      'send',
      'bridge',
      'dnat',
      'route',
      'bridge',
      'deliver',
      'reply',
    ]);
    const dnat = screen.getByTestId('trace-hop-3');
    const head = within(dnat).getByRole('button');
    expect(head.textContent?.replace(/\s+/g, ' ').trim()).toBe('3 dnat control-plane');
    expect(dnat.textContent).toContain("kube-proxy's rules pick 10.0.1.5:80");
    expect(dnat.querySelector('pre')?.textContent).toBe(TRACE.hops[2]!.rule);
    expect(dnat.textContent).toContain(
      '$ iptables -t nat -L KUBE-SVC-X -n -v   (on control-plane)',
    );
    // No probe: no marks, no packet counts, no probe section.
    expect(screen.queryByText('✓')).toBeNull();
    expect(screen.queryByText(/packets?$/)).toBeNull();
    expect(screen.queryByTestId('trace-probe-result')).toBeNull();
    expect(screen.getByTestId('trace-endpoints').textContent).toContain('50 % ← this path');
    expect(screen.getByText(/picks one of 2 endpoints at random/)).toBeTruthy();
  });

  it('with a probe: ✓ or ✗ and packets per hop, the verdict, conntrack, unseen and unexpected', () => {
    render(TraceHopList, { trace: PROBED, onclose: vi.fn() });
    const first = screen.getByTestId('trace-hop-1');
    expect(within(first).getByLabelText('seen by the probe').textContent).toBe('✓');
    expect(first.textContent).toContain('6 packets');
    const missed = screen.getByTestId('trace-hop-5');
    expect(within(missed).getByLabelText('not seen by the probe').textContent).toBe('✗');
    expect(missed.textContent).toContain('0 packets');
    // DNAT is proven by its rule counter, not a capture: seen, no packet count.
    expect(screen.getByTestId('trace-hop-3').textContent).not.toContain('packet');
    const probe = screen.getByTestId('trace-probe-result');
    expect(probe.textContent).toContain('1 predicted hop(s) not seen, 1 place(s) not predicted');
    expect(probe.textContent).toContain('nc -z -w 3 -p 40123 10.102.219.74 80');
    expect(screen.getByTestId('trace-conntrack').textContent).toBe(PROBED.probe!.conntrack);
    expect(screen.getByTestId('trace-unseen').textContent).toContain(
      'predicted, not seen: bridge on control-plane veth4abbf395',
    );
    expect(screen.getByTestId('trace-unexpected').textContent).toContain(
      'not predicted: control-plane eth0: 2 packet(s)',
    );
  });

  it('moves the current hop with Next, Previous and a pressed hop', async () => {
    render(TraceHopList, { trace: TRACE, onclose: vi.fn() });
    expect(currentHop()).toBe('trace-hop-1');
    expect(screen.getByTestId('trace-previous')).toHaveProperty('disabled', true);
    await userEvent.click(screen.getByTestId('trace-next'));
    await userEvent.click(screen.getByTestId('trace-next'));
    expect(currentHop()).toBe('trace-hop-3');
    expect(screen.getByTestId('trace-position').textContent).toBe('hop 3 of 7');
    await userEvent.click(screen.getByTestId('trace-previous'));
    expect(currentHop()).toBe('trace-hop-2');
    await userEvent.click(within(screen.getByTestId('trace-hop-7')).getByRole('button'));
    expect(currentHop()).toBe('trace-hop-7');
    expect(screen.getByTestId('trace-next')).toHaveProperty('disabled', true);
  });

  it('plays one hop per beat and stops on the last', async () => {
    render(TraceHopList, { trace: TRACE, onclose: vi.fn(), playEveryMs: 20 });
    await userEvent.click(screen.getByTestId('trace-play'));
    expect(screen.getByTestId('trace-play').getAttribute('aria-label')).toBe('Pause');
    await vi.waitFor(() => expect(currentHop()).toBe('trace-hop-7'), { timeout: 2000 });
    expect(screen.getByTestId('trace-play').getAttribute('aria-label')).toBe('Play');
  });

  it('pauses where it is, and closes', async () => {
    const onclose = vi.fn();
    render(TraceHopList, { trace: TRACE, onclose, playEveryMs: 60_000 });
    await userEvent.click(screen.getByTestId('trace-next'));
    await userEvent.click(screen.getByTestId('trace-play'));
    await userEvent.click(screen.getByTestId('trace-play'));
    expect(currentHop()).toBe('trace-hop-2');
    await userEvent.click(screen.getByTestId('trace-close'));
    expect(onclose).toHaveBeenCalledOnce();
  });
});
