// The Trace panel of the Topology pane on the shared 1-node lab: a Deployment of two nginx pods
// behind a ClusterIP Service and a busybox client, made with the lab's kubectl; the learner picks
// client → the Service, presses Trace, and the hops list kube-proxy's DNAT, drawn over the picture.
import { expect, freshScenario, test } from './fixtures.ts';
import { kubelab } from './kubelab-cli.ts';
import { saveScreen } from './screens.ts';

test('Trace: client pod → a ClusterIP Service, hop by hop, with its DNAT', async ({
  ui,
  lab,
}, testInfo) => {
  test.setTimeout(8 * 60_000);
  await freshScenario(lab);
  const kubectl = (...args: string[]): Promise<string> =>
    kubelab(['kubectl', '--lab', lab, ...args], 4 * 60_000);
  await kubectl('create', 'deployment', 'web', '--image=nginx', '--replicas=2');
  await kubectl('expose', 'deployment', 'web', '--port=80');
  await kubectl('run', 'client', '--image=busybox', '--restart=Never', '--', 'sleep', '3600');
  await kubectl('rollout', 'status', 'deployment/web', '--timeout=180s');
  await kubectl('wait', '--for=condition=Ready', 'pod/client', '--timeout=180s');

  const { page } = ui;
  await page.setViewportSize({ width: 1600, height: 900 });
  await ui.open({ lab, screen: 'scenario' });
  await page.getByTestId('lab-tab-topology').click();
  await expect(page.getByTestId('topology-svg')).toBeVisible({ timeout: 30_000 });

  // The pickers are filled from the topology the pane keeps current (the server's watches).
  const from = page.getByTestId('trace-from');
  const to = page.getByTestId('trace-to');
  await expect(from.locator('option[value="default/client"]')).toHaveCount(1, {
    timeout: 30_000,
  });
  await expect(to.locator('option[value="web.default:80"]')).toHaveCount(1, { timeout: 30_000 });
  await from.selectOption('default/client');
  await to.selectOption('web.default:80');
  await page.getByTestId('trace-run').click();

  const hops = page.getByTestId('trace-hops');
  await expect(hops).toBeVisible({ timeout: 60_000 });
  const dnat = hops.locator('li[data-action="dnat"]');
  await expect(dnat).toHaveCount(1);
  await expect(dnat).toContainText('KUBE-SVC-');
  await expect(hops.locator('li[data-action="deliver"]')).toContainText(/default\/web-/);
  await expect(page.getByTestId('trace-mark-service:default/web')).toHaveCount(1);

  // The marker on the DNAT hop: the Service and the node's stack are the current shapes.
  await dnat.getByRole('button').click();
  await expect(dnat).toHaveAttribute('aria-current', 'step');
  await expect(page.getByTestId('trace-mark-service:default/web')).toHaveClass(/current/);
  await saveScreen(page, testInfo, 'trace-panel');
});
