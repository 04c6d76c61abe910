// The wiring end to end: UI → transport → main process → the real Docker engine → screen.
import Docker from 'dockerode';
import { expect, test } from './fixtures.ts';
import { saveScreen } from './screens.ts';

test('the first screen shows the real engine status @desktop', async ({ ui, target }, testInfo) => {
  const engine = await new Docker().version();
  await ui.open({ screen: 'home' });
  const { page } = ui;
  await expect(page.getByTestId('transport')).toHaveText(
    target === 'browser' ? 'websocket' : 'electron',
  );
  await expect(page.getByTestId('engine-state')).toHaveText('Ready', { timeout: 30_000 });
  await expect(page.getByTestId('engine-version')).toHaveText(engine.Version);
  await expect(page.getByTestId('engine-node-mode')).not.toHaveText('unknown');
  await saveScreen(page, testInfo, 'home');
});
