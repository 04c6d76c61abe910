// A real shell in a real node: the UI opens a terminal on the e2e lab's control plane, the test
// types `kubectl get nodes` key by key into xterm, and the node's answer shows up on screen.
import { execFile } from 'node:child_process';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { expect, test } from './serve-fixture.ts';

const run = promisify(execFile);
const cli = join(import.meta.dirname, '..', 'bin', 'kubelab.js');
const LAB = 'e2e';

test.describe('terminal on a lab node', () => {
  test.describe.configure({ timeout: 6 * 60_000 });

  test.beforeAll(async () => {
    test.setTimeout(6 * 60_000);
    await run(process.execPath, [cli, 'up', '--lab', LAB, '--nodes', '1'], {
      timeout: 5 * 60_000,
    });
  });

  test.afterAll(async () => {
    test.setTimeout(3 * 60_000);
    await run(process.execPath, [cli, 'down', '--lab', LAB, '--purge', '--data'], {
      timeout: 2 * 60_000,
    });
  });

  test('types kubectl get nodes into the control-plane shell and sees Ready', async ({
    page,
    served,
  }) => {
    await page.setViewportSize({ width: 1400, height: 900 });
    await page.goto(`${served.url}&lab=${LAB}&screen=scenario`);
    await expect(page.getByTestId('scenario-screen')).toBeVisible();
    await expect(page.getByTestId('scenario-title')).not.toBeEmpty();
    await expect(page.getByTestId('step-text')).not.toBeEmpty();

    await expect(page.getByTestId('terminal-tab-control-plane')).toBeVisible({ timeout: 30_000 });
    const terminal = page.locator('[data-testid="terminal"][data-node="control-plane"]');
    await expect(terminal).toHaveAttribute('data-status', 'open', { timeout: 30_000 });
    const screen = terminal.locator('.xterm-rows');
    // The login shell's prompt is there before we type.
    await expect(screen).toContainText('#', { timeout: 30_000 });

    await terminal.locator('.xterm').click();
    await page.keyboard.type('kubectl get nodes', { delay: 40 });
    await page.keyboard.press('Enter');
    await expect(screen).toContainText('STATUS', { timeout: 30_000 });
    await expect(screen).toContainText(/control-plane\s+Ready/, { timeout: 30_000 });

    // "Send to terminal" types a step's command into the same shell.
    const block = page.getByTestId('code-block').first();
    const firstLine = ((await block.locator('code').textContent()) ?? '').split('\n')[0]!.trim();
    await block.getByTestId('send-to-terminal').click();
    await expect(screen).toContainText(firstLine.slice(0, 40), { timeout: 30_000 });
    // The step's manifest was put in the learner's home when the step opened.
    if (firstLine.startsWith('cat '))
      await expect(screen).toContainText('apiVersion', { timeout: 30_000 });
    // Check on the untouched first step: it fails and says what was expected and what was found.
    await page.getByTestId('check-button').click();
    await expect(page.getByTestId('check-summary')).toContainText('not met yet', {
      timeout: 60_000,
    });
    const failed = page.locator('[data-testid="condition"][data-passed="false"]').first();
    await expect(failed.getByTestId('expected')).not.toBeEmpty();
    await expect(failed.getByTestId('found')).not.toBeEmpty();
    await page.screenshot({ path: 'test-results/screens/scenario-check-failed.png' });
    // A later step offers to skip ahead while earlier steps are not done.
    await page.getByTestId('next-step').click();
    await expect(page.getByTestId('skip-here')).toBeVisible();
    await page.getByRole('button', { name: '← Previous' }).click();

    // Switching away and back re-attaches to the same shell and replays its output.
    await page.getByRole('button', { name: 'Home' }).click();
    await expect(page.getByTestId('home-screen')).toBeVisible();
    await page.getByTestId('nav-scenario').click();
    await expect(page.locator('[data-testid="terminal"] .xterm-rows')).toContainText(
      /control-plane\s+Ready/,
      { timeout: 30_000 },
    );
    await page.screenshot({ path: 'test-results/screens/scenario-terminal.png' });
  });
});
