// The suite's lab is started the way a learner starts one: Home → "1 node" → Start, in the
// browser against a real `kubelab serve`, until the status bar's progress says done and the lab
// line says the node is ready. (Every spec then shares that lab; a start that fails here fails
// them all, loudly, with the status bar's own message.)
import { join } from 'node:path';
import { expect } from '@playwright/test';
import type { Browser } from '@playwright/test';
import { SCREENS_DIR } from './screens.ts';
import { startServe, stopServe } from './serve-fixture.ts';

export async function startLabFromHome(
  browser: Browser,
  lab: string,
  timeoutMs: number,
): Promise<void> {
  const served = await startServe();
  const page = await browser.newPage();
  try {
    const params = new URLSearchParams({ lab, screen: 'home' });
    await page.goto(`${served.url}&${params.toString()}`);
    const state = page.getByTestId('status-lab-state');
    await expect(state).toHaveText('not created', { timeout: 60_000 });
    await page.getByLabel('Nodes to start').selectOption('1');
    const start = page.getByTestId('status-lab-start');
    await expect(start).toBeEnabled({ timeout: 60_000 });
    await start.click();
    const progress = page.getByTestId('status-lab-progress');
    await expect(progress).toHaveAttribute('data-state', 'running', { timeout: 30_000 });
    await expect(progress).not.toHaveAttribute('data-state', 'running', { timeout: timeoutMs });
    const outcome = await progress.getAttribute('data-state');
    if (outcome !== 'done') {
      await page.screenshot({ path: join(SCREENS_DIR, 'lab-start-from-home-failed.png') });
      throw new Error(`Start on Home ended ${outcome}: ${await progress.innerText()}`);
    }
    await expect(state).toHaveText('1 node(s) ready', { timeout: 30_000 });
    await page.screenshot({ path: join(SCREENS_DIR, 'browser-mode-home-lab-started.png') });
  } finally {
    await page.close();
    await stopServe(served);
  }
}
