// (5) The storage picture of S6: with the scenario done up to its Deployment (skipped ahead with
// `kubelab solve`), Topology draws both httpd pods with their IPs and the PV → host folder link,
// and following that link opens Files on the node's folder, where the served page is.
import { homedir } from 'node:os';
import { join, resolve } from 'node:path';
import { expect, freshScenario, test } from './fixtures.ts';
import { kubelab } from './kubelab-cli.ts';
import { chooseScenario } from './scenario-ui.ts';
import { saveScreen } from './screens.ts';

test('topology shows the S6 pods and the PV’s host folder; Files opens it', async ({
  ui,
  lab,
}, testInfo) => {
  test.setTimeout(8 * 60_000);
  await freshScenario(lab);
  await kubelab(['solve', 'hostpath-pv', 'create-deployment', '--lab', lab], 6 * 60_000);
  const { page } = ui;
  await page.setViewportSize({ width: 1400, height: 900 });
  await ui.open({ lab, screen: 'scenario' });
  await chooseScenario(page, 'hostpath-pv');

  await page.getByTestId('lab-tab-topology').click();
  await expect(page.getByTestId('topology-svg')).toBeVisible({ timeout: 30_000 });
  const pods = page.locator('[data-testid^="topology-pod-httpd-"]');
  await expect(pods).toHaveCount(2, { timeout: 30_000 });
  for (const pod of await pods.all()) {
    await expect(pod).toHaveAttribute(
      'aria-label',
      /^Pod default\/httpd-[\w-]+, Running, IP 10\.0\.1\.\d+ on control-plane/,
    );
  }
  await expect(page.getByTestId('topology-volume-pv-local')).toBeVisible();
  // Where main/lab/README.md says a node's /mnt lives on the learner's disk.
  const home = process.env.KUBELAB_HOME
    ? resolve(process.env.KUBELAB_HOME)
    : join(homedir(), '.kubelab');
  const hostFolder = join(home, 'labs', lab, 'nodes', 'control-plane', 'mnt', 'data');
  const folder = page.getByTestId('topology-folder-pv-local');
  await expect(folder).toHaveAttribute(
    'aria-label',
    `Folder ${hostFolder} (node control-plane): open in Files`,
  );
  await saveScreen(page, testInfo, 'topology');

  await folder.click();
  await expect(page.getByTestId('files')).toBeVisible();
  await expect(page.getByTestId('files-breadcrumbs')).toContainText('data');
  await page.getByTestId('files-entry-index.html').click();
  await expect(page.getByTestId('files-editor')).toHaveValue(
    /Hello from the hostPath PersistentVolume!/,
  );
  await saveScreen(page, testInfo, 'files');
});
