// The scenario screen as a learner uses it: pick a scenario, move between steps, press Check.
import { expect } from '@playwright/test';
import type { Page } from '@playwright/test';

export async function chooseScenario(page: Page, id: string): Promise<void> {
  await expect(page.getByTestId('scenario-screen')).toBeVisible();
  await page.getByTestId('scenario-select').selectOption(id);
  await expect(page.getByTestId('step-position')).toContainText('Step 1 of');
}

export async function expectStep(page: Page, title: string): Promise<void> {
  await expect(page.getByTestId('step-title')).toHaveText(title);
}

export async function nextStep(page: Page, title: string): Promise<void> {
  await page.getByTestId('next-step').click();
  await expectStep(page, title);
}

/**
 * Presses Check until the step passes (a learner re-checks while pods start), then expects the
 * panel to say so. Fails with the last answer shown if it never passes within `timeout`.
 */
export async function checkPasses(page: Page, timeout = 60_000): Promise<void> {
  await expect(async () => {
    await expect(page.getByTestId('check-button')).toBeEnabled({ timeout: 30_000 });
    await page.getByTestId('check-button').click();
    await expect(page.getByTestId('check-button')).toBeEnabled({ timeout: 30_000 });
    await expect(page.getByTestId('check-summary')).toHaveText('All conditions met.', {
      timeout: 1_000,
    });
  }).toPass({ timeout, intervals: [2_000, 3_000, 5_000] });
  await expect(page.getByTestId('step-passed')).toBeVisible();
}

/** The "n passed" count of the step bar. */
export async function expectPassedCount(page: Page, passed: number): Promise<void> {
  await expect(page.getByTestId('step-position')).toContainText(`· ${passed} passed`);
}
