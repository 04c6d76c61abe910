// The wiring end to end: browser → WebSocket → main process → the real Docker engine → screen.
import Docker from 'dockerode';
import { expect, test } from './serve-fixture.ts';

test('the first screen shows the real engine status', async ({ page, served }) => {
  const engine = await new Docker().version();
  await page.goto(served.url);
  await expect(page.getByTestId('transport')).toHaveText('websocket');
  await expect(page.getByTestId('engine-state')).toHaveText('Ready', { timeout: 30_000 });
  await expect(page.getByTestId('engine-version')).toHaveText(engine.Version);
  await expect(page.getByTestId('engine-node-mode')).not.toHaveText('unknown');
  await page.screenshot({ path: 'test-results/screens/home-engine.png', fullPage: true });
});

test('browser mode refuses a wrong token', async ({ page, served }) => {
  const response = await page.goto(`${served.origin}/?token=wrong`);
  expect(response?.status()).toBe(401);
  await expect(page.locator('body')).toContainText('missing or wrong token');
});
