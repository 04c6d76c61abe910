// (3) A wrong answer is explained, then accepted once fixed: the node's file holds the wrong text,
// Check lists the failed condition with what was expected, what was found and the step's hint;
// after the learner fixes the file in the terminal, Check passes.
import { expect, freshScenario, test } from './fixtures.ts';
import { checkPasses, chooseScenario, expectPassedCount } from './scenario-ui.ts';
import { saveScreen } from './screens.ts';
import { openShell, typeLine } from './xterm.ts';

test('a failed check shows expected, found and hint, then passes after the fix', async ({
  ui,
  lab,
}, testInfo) => {
  test.setTimeout(5 * 60_000);
  await freshScenario(lab);
  const { page } = ui;
  await page.setViewportSize({ width: 1400, height: 900 });
  await ui.open({ lab, screen: 'scenario' });
  await chooseScenario(page, 'hostpath-pv');
  const terminal = await openShell(page);

  await typeLine(
    page,
    terminal,
    "mkdir -p /mnt/data && echo 'Hello, wrong page' > /mnt/data/index.html",
  );
  await page.getByTestId('check-button').click();
  const summary = page.getByTestId('check-summary');
  await expect(summary).toHaveText('1 of 1 condition(s) not met yet.', { timeout: 60_000 });
  const failed = page.locator('[data-testid="condition"][data-passed="false"]');
  await expect(failed).toHaveCount(1);
  await expect(failed).toContainText('/mnt/data/index.html on the node holds the greeting.');
  await expect(failed.getByTestId('expected')).toHaveText(
    '/mnt/data/index.html on control-plane is a file containing "Hello from the hostPath PersistentVolume!"',
  );
  await expect(failed.getByTestId('found')).toContainText('Hello, wrong page');
  await expect(failed).toContainText('cat /mnt/data/index.html');
  await page.getByTestId('hint-button').click();
  await expect(page.getByTestId('hint')).toContainText(
    "Run the commands in the control-plane node's terminal, not inside a pod.",
  );
  await expect(page.getByTestId('step-passed')).toHaveCount(0);
  await saveScreen(page, testInfo, 'scenario-check-failed');

  await typeLine(
    page,
    terminal,
    "echo 'Hello from the hostPath PersistentVolume!' > /mnt/data/index.html",
  );
  await checkPasses(page);
  await expect(page.locator('[data-testid="condition"][data-passed="false"]')).toHaveCount(0);
  await expectPassedCount(page, 1);
  await saveScreen(page, testInfo, 'scenario-check-passed');
});
