// The Trace panel on the Topology pane, on the recorded hostpath-pv lab (renderer/test/fixtures)
// with `topology:trace` faked by the traces of renderer/test/fixtures/trace-httpd.ts: pick FROM
// and TO (or right-click), Trace, and the path appears over the picture and as a list.
import { describe, expect, it, vi } from 'vitest';
import { fireEvent, render, screen, within } from '@testing-library/svelte';
import userEvent from '@testing-library/user-event';
import { TopologySchema } from '../../../main/api/schemas/topology.ts';
import type { Trace } from '../../../main/api/schemas/trace.ts';
import { LabError } from '../../../main/api/errors.ts';
import recorded from '../../test/fixtures/topology-hostpath-pv.json';
import { PROBED, TRACE } from '../../test/fixtures/trace-httpd.ts';
import { fakeWindowApi } from '../../test/fake-window-api.ts';
import { labApi } from '../lib/api.ts';
import TopologyView from './TopologyView.svelte';

const topology = TopologySchema.parse(recorded);
const FROM = 'default/httpd-5fddf8c9f4-b2ktj';

type TraceFake = (input: { from: string; to: string; probe?: boolean }) => Promise<Trace>;

async function renderWithTrace(trace: TraceFake): Promise<void> {
  fakeWindowApi({ topology: { get: vi.fn(() => Promise.resolve(topology)), trace } });
  render(TopologyView, { client: await labApi(), lab: 'ui', intervalMs: 60_000 });
  await screen.findByTestId('topology-svg');
}

const optionValues = (select: HTMLElement): string[] =>
  [...select.querySelectorAll('option')].map((o) => o.value).filter(Boolean);

describe('Trace on the Topology pane', () => {
  it('offers the lab’s pods and nodes as FROM, its Services, pods and NodePorts as TO', async () => {
    await renderWithTrace(vi.fn());
    expect(optionValues(screen.getByTestId('trace-from'))).toEqual([
      FROM,
      'default/httpd-5fddf8c9f4-nvlf8',
      'control-plane',
    ]);
    expect(optionValues(screen.getByTestId('trace-to'))).toEqual([
      'httpd.default:80',
      'kubernetes.default:443',
      FROM,
      'default/httpd-5fddf8c9f4-nvlf8',
      '10.100.1.11:31698',
    ]);
    // Nothing picked yet: nothing to trace.
    expect(screen.getByTestId('trace-run')).toHaveProperty('disabled', true);
  });

  it('traces the picked pair and draws the path over the picture, hop numbers on each shape', async () => {
    const trace = vi.fn<TraceFake>(() => Promise.resolve(TRACE));
    await renderWithTrace(trace);
    await userEvent.selectOptions(screen.getByTestId('trace-from'), FROM);
    await userEvent.selectOptions(screen.getByTestId('trace-to'), 'httpd.default:80');
    await userEvent.click(screen.getByTestId('trace-run'));
    expect(trace).toHaveBeenCalledWith({
      lab: 'ui',
      from: FROM,
      to: 'httpd.default:80',
      probe: false,
    });
    const list = await screen.findByTestId('trace-hops');
    expect(within(list).getByTestId('trace-hop-3').dataset.action).toBe('dnat');

    const overlay = screen.getByTestId('trace-overlay');
    expect(screen.getByTestId('topology-svg').contains(overlay)).toBe(true);
    expect(screen.getByTestId(`trace-mark-pod:${FROM}`).dataset.hops).toBe('1');
    expect(screen.getByTestId('trace-mark-cni0:control-plane').dataset.hops).toBe('2,4,5');
    expect(screen.getByTestId('trace-mark-service:default/httpd').dataset.hops).toBe('3');
    expect(screen.getByTestId('trace-path').getAttribute('points')?.split(' ')).toHaveLength(7);

    // The marker follows the current hop, and the shapes it names are the current ones.
    expect(screen.getByTestId('trace-marker').dataset.hop).toBe('1');
    expect(screen.getByTestId(`trace-mark-pod:${FROM}`).classList.contains('current')).toBe(true);
    await userEvent.click(screen.getByTestId('trace-next'));
    await userEvent.click(screen.getByTestId('trace-next'));
    expect(screen.getByTestId('trace-marker').dataset.hop).toBe('3');
    expect(
      screen.getByTestId('trace-mark-service:default/httpd').classList.contains('current'),
    ).toBe(true);
    expect(screen.getByTestId(`trace-mark-pod:${FROM}`).classList.contains('current')).toBe(false);

    await userEvent.click(screen.getByTestId('trace-close'));
    expect(screen.queryByTestId('trace-overlay')).toBeNull();
    expect(screen.queryByTestId('trace-hops')).toBeNull();
  });

  it('right-click: a pod becomes FROM ("Trace to…"), a Service TO ("Trace from…")', async () => {
    await renderWithTrace(vi.fn());
    await fireEvent.contextMenu(screen.getByTestId('topology-pod-httpd-5fddf8c9f4-b2ktj'));
    expect(screen.getByTestId('trace-from')).toHaveProperty('value', FROM);
    expect(document.activeElement).toBe(screen.getByTestId('trace-to'));
    // No pod menu opens for a right-click.
    expect(screen.queryByRole('menu')).toBeNull();

    await fireEvent.contextMenu(screen.getByTestId('topology-service-httpd'));
    expect(screen.getByTestId('trace-to')).toHaveProperty('value', 'httpd.default:80');
    expect(document.activeElement).toBe(screen.getByTestId('trace-from'));
    expect(screen.getByTestId('trace-run')).toHaveProperty('disabled', false);
  });

  it('with Probe: says it takes a while, then shows ✓/✗ per hop and the probe’s findings', async () => {
    let answer: (trace: Trace) => void = () => undefined;
    const trace = vi.fn<TraceFake>(() => new Promise<Trace>((resolve) => (answer = resolve)));
    await renderWithTrace(trace);
    await fireEvent.contextMenu(screen.getByTestId('topology-pod-httpd-5fddf8c9f4-b2ktj'));
    await fireEvent.contextMenu(screen.getByTestId('topology-service-httpd'));
    await userEvent.click(screen.getByTestId('trace-probe'));
    await userEvent.click(screen.getByTestId('trace-run'));
    expect(trace).toHaveBeenCalledWith(expect.objectContaining({ probe: true }));
    expect(screen.getByTestId('trace-run').textContent?.trim()).toBe('Probing…');
    expect(screen.getByTestId('trace-run')).toHaveProperty('disabled', true);
    expect(screen.getByTestId('trace-status').textContent).toContain('about 10 s');

    answer(PROBED);
    const missed = await screen.findByTestId('trace-hop-5');
    expect(within(missed).getByLabelText('not seen by the probe')).toBeTruthy();
    expect(screen.getByTestId('trace-unseen')).toBeTruthy();
    expect(screen.getByTestId('trace-unexpected')).toBeTruthy();
    expect(screen.getByTestId('trace-conntrack').textContent).toContain('dport=80');
    expect(screen.getByTestId('trace-run').textContent?.trim()).toBe('Trace');
  });

  it('says why a trace failed, with the fix', async () => {
    const failure = new LabError('TRACE_FAILED', 'kube-proxy has no endpoint for 10.96.0.1:443.', {
      fix: 'kubectl get endpointslices -A',
    });
    await renderWithTrace(vi.fn<TraceFake>(() => Promise.reject(failure)));
    await userEvent.selectOptions(screen.getByTestId('trace-from'), 'control-plane');
    await userEvent.selectOptions(screen.getByTestId('trace-to'), 'kubernetes.default:443');
    await userEvent.click(screen.getByTestId('trace-run'));
    await vi.waitFor(() =>
      expect(screen.getByTestId('trace-status').textContent).toContain(
        'kube-proxy has no endpoint for 10.96.0.1:443. kubectl get endpointslices -A',
      ),
    );
    expect(screen.queryByTestId('trace-hops')).toBeNull();
  });

  it('Live lights the hops whose counters moved, and stops the captures when switched off', async () => {
    const counts = [
      { counts: TRACE.hops.map((_, i) => (i === 0 ? 0 : null)), ended: false },
      { counts: TRACE.hops.map((_, i) => (i === 0 ? 3 : null)), ended: false },
    ];
    const watchTrace = vi.fn(() => Promise.resolve({ id: 'w1', seconds: 300, hops: [0] }));
    const traceCounts = vi.fn(() => Promise.resolve(counts.shift() ?? { counts: [], ended: true }));
    const unwatchTrace = vi.fn(() => Promise.resolve({ ok: true }));
    fakeWindowApi({
      topology: {
        get: vi.fn(() => Promise.resolve(topology)),
        trace: vi.fn(() => Promise.resolve(TRACE)),
        watchTrace,
        traceCounts,
        unwatchTrace,
      },
    });
    render(TopologyView, { client: await labApi(), lab: 'ui', intervalMs: 60_000 });
    await screen.findByTestId('topology-svg');
    await userEvent.selectOptions(screen.getByTestId('trace-from'), FROM);
    await userEvent.selectOptions(screen.getByTestId('trace-to'), 'httpd.default:80');
    await userEvent.click(screen.getByTestId('trace-run'));
    await screen.findByTestId('trace-hops');
    await userEvent.click(screen.getByTestId('trace-live-switch'));
    expect(watchTrace).toHaveBeenCalledWith({ lab: 'ui', trace: TRACE });
    // The second read has hop 1 up from 0 to 3: lit in the list and over the picture.
    await vi.waitFor(() => expect(screen.getByTestId('trace-hop-1').className).toContain('lit'), {
      timeout: 5_000,
    });
    expect(screen.getByTestId('trace-hop-live-1').textContent).toBe('3 packets live');
    expect(document.querySelector('[data-testid="trace-overlay"] .mark.lit')).not.toBeNull();
    await userEvent.click(screen.getByTestId('trace-live-switch'));
    await vi.waitFor(() => expect(unwatchTrace).toHaveBeenCalledWith({ lab: 'ui', id: 'w1' }));
    expect(screen.getByTestId('trace-hop-1').className).not.toContain('lit');
  }, 15_000);
});
