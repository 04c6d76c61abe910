// Named screenshots of the main screens, kept as CI artefacts in test-results/e2e/screens/
// (Playwright's own per-test screenshots are named after tests, not screens). Each is also
// attached to the test, so the HTML report shows it next to the steps that led there.
import { join } from 'node:path';
import type { Page, TestInfo } from '@playwright/test';

export const SCREENS_DIR = join(import.meta.dirname, '..', 'test-results', 'e2e', 'screens');

export async function saveScreen(page: Page, testInfo: TestInfo, name: string): Promise<string> {
  if (!/^[a-z0-9-]+$/.test(name)) throw new Error(`screen name "${name}": use a-z, 0-9 and dashes`);
  const path = join(SCREENS_DIR, `${testInfo.project.name}-${name}.png`);
  await page.screenshot({ path, fullPage: true });
  await testInfo.attach(name, { path, contentType: 'image/png' });
  return path;
}
