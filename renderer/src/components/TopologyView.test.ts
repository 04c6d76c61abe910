// TopologyView from a topology recorded on a real lab (scenario hostpath-pv solved, its httpd
// Deployment exposed as a NodePort Service): see renderer/test/fixtures/README.md.
import { afterEach, describe, expect, it, vi } from 'vitest';
import { render, screen, within } from '@testing-library/svelte';
import userEvent from '@testing-library/user-event';
import { TopologySchema } from '../../../main/api/schemas/topology.ts';
import type { TopologyView as Topology } from '../../../main/api/schemas/topology.ts';
import recorded from '../../test/fixtures/topology-hostpath-pv.json';
import { fakeWindowApi } from '../../test/fake-window-api.ts';
import { labApi } from '../lib/api.ts';
import { isSystemNamespace } from '../lib/topology-layout.ts';
import TopologyView from './TopologyView.svelte';

const topology: Topology = TopologySchema.parse(recorded);
const learnerPods = topology.pods.filter((p) => !isSystemNamespace(p.namespace));
const systemPods = topology.pods.filter((p) => isSystemNamespace(p.namespace) && !p.hostNetwork);
const volume = topology.volumes.find((v) => v.pv === 'pv-local')!;

async function renderRecorded(
  props: {
    onPodAction?: (pod: { namespace: string; name: string }, action: string) => void;
    onOpenFolder?: (hostFolder: string) => void;
  } = {},
): Promise<{ get: ReturnType<typeof vi.fn> }> {
  const get = vi.fn(() => Promise.resolve(topology));
  fakeWindowApi({ topology: { get } });
  render(TopologyView, { client: await labApi(), lab: 'ui', intervalMs: 50, ...props });
  await screen.findByTestId('topology-svg');
  return { get };
}

afterEach(() => vi.useRealTimers());

describe('TopologyView (recorded hostpath-pv lab)', () => {
  it('the recording is a solved hostpath-pv lab', () => {
    expect(learnerPods.filter((p) => p.name.startsWith('httpd-'))).toHaveLength(2);
    expect(volume.claim).toEqual({ namespace: 'default', name: 'hostpath-pvc' });
    expect(volume.hostFolder).toMatch(/\/nodes\/control-plane\/mnt\/data$/);
  });

  it('draws each node with eth0 and cni0, and every learner pod with its IP and veth', async () => {
    await renderRecorded();
    for (const node of topology.nodes) {
      const group = screen.getByTestId(`topology-node-${node.name}`);
      expect(group.textContent).toContain(`eth0 ${node.ip}`);
      expect(group.textContent).toContain('cni0 ');
    }
    for (const pod of learnerPods) {
      const button = screen.getByRole('button', {
        name: new RegExp(`^Pod ${pod.namespace}/${pod.name},`),
      });
      expect(button.getAttribute('aria-label')).toContain(`IP ${pod.ip}`);
      if (pod.hostVeth) expect(button.getAttribute('aria-label')).toContain(`veth ${pod.hostVeth}`);
    }
    // kube-system is hidden until asked for.
    for (const pod of systemPods)
      expect(screen.queryByTestId(`topology-pod-${pod.name}`)).toBeNull();
  });

  it('marks a pod that NetworkPolicies select, naming them', async () => {
    const pod = learnerPods[0]!;
    const withPolicy: Topology = {
      ...topology,
      pods: topology.pods.map((p) =>
        p === pod ? { ...p, policies: ['default-deny', 'web-allow'] } : p,
      ),
    };
    fakeWindowApi({ topology: { get: vi.fn(() => Promise.resolve(withPolicy)) } });
    render(TopologyView, { client: await labApi(), lab: 'ui', intervalMs: 50 });
    const badge = await screen.findByTestId(`topology-pod-policies-${pod.name}`);
    expect(badge.textContent).toContain('2');
    expect(badge.textContent).toContain('default-deny, web-allow');
    expect(screen.getByTestId(`topology-pod-${pod.name}`).getAttribute('aria-label')).toContain(
      'selected by NetworkPolicy default-deny, web-allow',
    );
    // pods no policy selects carry no badge
    const other = learnerPods.find((p) => p !== pod)!;
    expect(screen.queryByTestId(`topology-pod-policies-${other.name}`)).toBeNull();
  });

  it('shows system pods when asked', async () => {
    await renderRecorded();
    await userEvent.click(screen.getByTestId('topology-show-system'));
    for (const pod of systemPods)
      expect(screen.getByTestId(`topology-pod-${pod.name}`)).toBeTruthy();
  });

  it('draws Services with a line to each endpoint pod', async () => {
    await renderRecorded();
    const services = topology.services.filter((s) => !isSystemNamespace(s.namespace));
    expect(services.find((s) => s.name === 'httpd')?.endpoints).toHaveLength(2);
    for (const service of services) {
      expect(screen.getByTestId(`topology-service-${service.name}`)).toBeTruthy();
      // Endpoints that are pods on cni0; the API server's (kubernetes) is the node itself.
      for (const endpoint of service.endpoints.filter((e) =>
        learnerPods.some((p) => `${p.namespace}/${p.name}` === e.pod),
      )) {
        expect(
          screen.getByTestId(
            `topology-line-endpoint:${service.namespace}/${service.name}:${endpoint.pod}`,
          ),
        ).toBeTruthy();
      }
    }
  });

  it('draws the claim no PV is bound to (volume-claim), saying why', async () => {
    await renderRecorded();
    expect(topology.unboundClaims.map((c) => c.name)).toEqual(['volume-claim']);
    expect(screen.getByTestId('topology-claim-default/volume-claim').textContent).toContain(
      'no PersistentVolume matches (class slow)',
    );
  });

  it('draws PVC → PV → the folder on the learner’s disk, and the folder opens Files', async () => {
    const onOpenFolder = vi.fn();
    await renderRecorded({ onOpenFolder });
    const row = screen.getByTestId('topology-volume-pv-local');
    expect(row.textContent).toContain('PVC default/hostpath-pvc');
    expect(row.textContent).toContain('PV pv-local');
    expect(screen.getByTestId('topology-line-bound:pv-local')).toBeTruthy();
    expect(screen.getByTestId('topology-line-folder:pv-local')).toBeTruthy();
    for (const user of volume.users) {
      expect(screen.getByTestId(`topology-line-claim:${user}:pv-local`)).toBeTruthy();
    }
    const folder = screen.getByRole('button', { name: /^Folder .*mnt\/data.*open in Files$/ });
    folder.focus();
    await userEvent.keyboard('{Enter}');
    expect(onOpenFolder).toHaveBeenCalledWith(volume.hostFolder);
  });

  it('offers Shell, Logs and Describe on a pod, by keyboard', async () => {
    const onPodAction = vi.fn();
    await renderRecorded({ onPodAction });
    const pod = learnerPods[0]!;
    screen.getByTestId(`topology-pod-${pod.name}`).focus();
    await userEvent.keyboard('{Enter}');
    const menu = screen.getByRole('menu');
    expect(
      within(menu)
        .getAllByRole('menuitem')
        .map((b) => b.textContent),
    ).toEqual(['Shell', 'Logs', 'Describe', 'Close']);
    expect(document.activeElement?.textContent).toBe('Shell');
    await userEvent.keyboard('{ArrowDown}{Enter}');
    expect(onPodAction).toHaveBeenCalledWith({ namespace: pod.namespace, name: pod.name }, 'logs');
    expect(screen.queryByRole('menu')).toBeNull();
  });

  it('keeps polling while shown and keeps the same elements when nothing changed', async () => {
    const { get } = await renderRecorded();
    const before = screen.getByTestId(`topology-pod-${learnerPods[0]!.name}`);
    await vi.waitFor(() => expect(get.mock.calls.length).toBeGreaterThanOrEqual(3));
    expect(screen.getByTestId(`topology-pod-${learnerPods[0]!.name}`)).toBe(before);
  });
});
