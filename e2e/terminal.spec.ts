// A real shell in a real node: the UI opens a terminal on the e2e lab's control plane, the test
// types `kubectl get nodes` key by key into xterm, and the node's answer shows up on screen.
import { expect, test } from './fixtures.ts';
import { saveScreen } from './screens.ts';
import { expectOnScreen, openShell, terminalScreen, typeLine } from './xterm.ts';

test('types kubectl get nodes into the control-plane shell and sees Ready @desktop', async ({
  ui,
  lab,
}, testInfo) => {
  const { page } = ui;
  await page.setViewportSize({ width: 1400, height: 900 });
  await ui.open({ lab, screen: 'scenario' });
  await expect(page.getByTestId('scenario-screen')).toBeVisible();
  await expect(page.getByTestId('scenario-title')).not.toBeEmpty();
  await expect(page.getByTestId('step-text')).not.toBeEmpty();

  const terminal = await openShell(page);
  await typeLine(page, terminal, 'kubectl get nodes');
  await expectOnScreen(terminal, 'STATUS');
  await expectOnScreen(terminal, /control-plane\s+Ready/);

  // "Send to terminal" types a step's command into the same shell.
  const block = page.getByTestId('code-block').first();
  const firstLine = ((await block.locator('code').textContent()) ?? '').split('\n')[0]!.trim();
  await block.getByTestId('send-to-terminal').click();
  await expectOnScreen(terminal, firstLine.slice(0, 40));
  // The step's manifest was put in the learner's home when the step opened.
  if (firstLine.startsWith('cat ')) await expectOnScreen(terminal, 'apiVersion');
  // Check on the untouched first step: it fails and says what was expected and what was found.
  await page.getByTestId('check-button').click();
  await expect(page.getByTestId('check-summary')).toContainText('not met yet', {
    timeout: 60_000,
  });
  const failed = page.locator('[data-testid="condition"][data-passed="false"]').first();
  await expect(failed.getByTestId('expected')).not.toBeEmpty();
  await expect(failed.getByTestId('found')).not.toBeEmpty();
  // A later step offers to skip ahead while earlier steps are not done.
  await page.getByTestId('next-step').click();
  await expect(page.getByTestId('skip-here')).toBeVisible();
  await page.getByRole('button', { name: '← Previous' }).click();

  // Switching away and back re-attaches to the same shell and replays its output.
  await page.getByRole('button', { name: 'Home' }).click();
  await expect(page.getByTestId('home-screen')).toBeVisible();
  await page.getByTestId('nav-scenario').click();
  await expect(terminalScreen(page.locator('[data-testid="terminal"]'))).toContainText(
    /control-plane\s+Ready/,
    { timeout: 30_000 },
  );
  await saveScreen(page, testInfo, 'scenario-terminal');
});
