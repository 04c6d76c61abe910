// Scenarios followed the way a learner who trusts the guide does: every command block sent to
// the node's terminal with "Send to terminal", in order, with no editing, and Check pressed after
// each step. Live values (pod IPs, cluster IPs, node ports) are what make each block work as it
// stands; a block still waiting for one cannot be sent, so the test waits for its button.
import type { Locator, Page } from '@playwright/test';
import { expect, test } from './fixtures.ts';
import { kubelab } from './kubelab-cli.ts';
import { checkPasses, chooseScenario, expectPassedCount } from './scenario-ui.ts';
import { saveScreen } from './screens.ts';
import { clearScreen, expectOnScreen, openShell, terminalScreen, typeLine } from './xterm.ts';

// Its own 2-node lab (these scenarios need two nodes; the shared e2e lab has one).
const LAB = 'e2e-send';
const LAB_MS = 8 * 60_000;

test.describe.configure({ mode: 'serial' });
test.beforeAll(async () => {
  test.setTimeout(2 * LAB_MS);
  await kubelab(['down', '--lab', LAB, '--purge', '--data', '--yes'], LAB_MS);
  await kubelab(['up', '--lab', LAB, '--nodes', '2'], LAB_MS);
});
test.afterAll(async () => {
  test.setTimeout(LAB_MS);
  await kubelab(['down', '--lab', LAB, '--purge', '--data', '--yes'], LAB_MS);
});

/** Sends a block and waits until the shell has run it (a marker typed after it comes back). */
async function sendAndWait(
  page: Page,
  terminal: Locator,
  block: Locator,
  tag: string,
): Promise<void> {
  const send = block.getByTestId('send-to-terminal');
  // Enabled once a terminal is open and every live value of the block is known.
  await expect(send).toBeEnabled({ timeout: 90_000 });
  await send.click();
  const code = ((await block.locator('code').textContent()) ?? '').trim();
  if (/exec -it/.test(code) && code.endsWith('exit')) {
    // A learner waits for the shell in the pod to end before typing on; typed any sooner, the
    // marker's first keys would go to that shell's kubectl.
    await expect
      .poll(async () => ((await terminalScreen(terminal).textContent()) ?? '').trimEnd(), {
        timeout: 90_000,
      })
      .toMatch(/exit\s*root@[\w-]+:[^#]*#$/);
  }
  // `$((6*7))` only turns into 42 when run, so the marker's output is not its own echo.
  await typeLine(page, terminal, `echo ${tag}-$((6*7))`);
  await expectOnScreen(terminal, `${tag}-42`, 90_000);
}

for (const scenario of ['services', 'pod-networking']) {
  test(`${scenario}: every command block sent as written, every step passes`, async ({
    ui,
  }, testInfo) => {
    test.setTimeout(15 * 60_000);
    await kubelab(['reset', '--lab', LAB, '--data', '--progress', '--yes'], LAB_MS);
    const { page } = ui;
    await page.setViewportSize({ width: 1400, height: 900 });
    await ui.open({ lab: LAB, screen: 'scenario' });
    await chooseScenario(page, scenario);
    const terminal = await openShell(page);
    const position = (await page.getByTestId('step-position').textContent()) ?? '';
    const steps = Number(/of (\d+)/.exec(position)?.[1]);
    expect(steps).toBeGreaterThan(5);

    for (let step = 1; step <= steps; step++) {
      await test.step(`step ${step}`, async () => {
        await expect(page.getByTestId('step-position')).toContainText(`Step ${step} of`);
        const blocks = page.locator('[data-testid="code-block"][data-kind="command"]');
        const count = await blocks.count();
        for (let b = 0; b < count; b++) {
          const block = blocks.nth(b);
          const code = ((await block.locator('code').textContent()) ?? '').trim();
          const tag = `s${step}b${b}`;
          if (/^cat \S+\.yaml/.test(code)) {
            // The step's manifests arrive when it opens: a block that starts by showing one is
            // sent again until they are there (a second `kubectl create` only says AlreadyExists).
            await expect(async () => {
              await clearScreen(page, terminal);
              await sendAndWait(page, terminal, block, tag);
              await expectOnScreen(terminal, 'apiVersion', 1_000);
            }).toPass({ timeout: 30_000 });
          } else {
            await sendAndWait(page, terminal, block, tag);
          }
        }
        await checkPasses(page, 180_000);
        await expectPassedCount(page, step);
        if (step < steps) await page.getByTestId('next-step').click();
      });
    }
    await saveScreen(page, testInfo, `${scenario}-sent`);
  });
}
