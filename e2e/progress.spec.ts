// (4) Progress is the learner's, not the page's or the server's: a step passed (here with Solve,
// the "show me" path) is still passed after a page reload and after `kubelab serve` is stopped
// and a new one started on the same KUBELAB_HOME.
import { expect, freshScenario, test } from './fixtures.ts';
import { chooseScenario, expectPassedCount } from './scenario-ui.ts';
import { startServe, stopServe } from './serve-fixture.ts';

test('progress survives a page reload and a server restart', async ({ page, served, lab }) => {
  test.setTimeout(5 * 60_000);
  await freshScenario(lab);
  const scenarioUrl = (url: string): string => `${url}&lab=${lab}&screen=scenario`;
  await page.goto(scenarioUrl(served.url));
  await chooseScenario(page, 'hostpath-pv');
  await expectPassedCount(page, 0);
  await expect(page.getByTestId('step-passed')).toHaveCount(0);

  page.once('dialog', (dialog) => void dialog.accept());
  await page.getByTestId('solve-button').click();
  await expect(page.getByTestId('step-passed')).toBeVisible({ timeout: 90_000 });
  await expectPassedCount(page, 1);

  await page.reload();
  await chooseScenario(page, 'hostpath-pv');
  await expectPassedCount(page, 1);
  await expect(page.getByTestId('step-passed')).toBeVisible();

  await stopServe(served);
  const restarted = await startServe();
  try {
    expect(restarted.url).not.toBe(served.url); // a new server: new port or new token
    await page.goto(scenarioUrl(restarted.url));
    await chooseScenario(page, 'hostpath-pv');
    await expectPassedCount(page, 1);
    await expect(page.getByTestId('step-passed')).toBeVisible();
    // The second step was never done: progress is per step, not a blanket "passed".
    await page.getByTestId('next-step').click();
    await expect(page.getByTestId('step-title')).toHaveText('Create the PersistentVolume');
    await expect(page.getByTestId('step-passed')).toHaveCount(0);
  } finally {
    await stopServe(restarted);
  }
});
