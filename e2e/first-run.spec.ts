// (1) First run: kubelab on an engine that has never seen a lab image (a throwaway dockerd, see
// clean-engine.ts) and a new KUBELAB_HOME. Home says what is missing and how to fix it; Build
// images starts with live progress (and can be cancelled, which is where this spec stops: a full
// cold build takes ~20 minutes, the load path is covered by the bundle tests, and a lab starting
// is what every other spec here does on the shared engine).
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { z } from 'zod';
import { cleanEngineUnavailable, startCleanEngine } from './clean-engine.ts';
import { expect, test } from './fixtures.ts';
import { kubelab } from './kubelab-cli.ts';
import { saveScreen } from './screens.ts';
import { startServe, stopServe } from './serve-fixture.ts';

const ImageList = z.array(z.object({ name: z.string(), present: z.boolean() }));

test('first run without images: Home shows what is missing, Build starts with progress', async ({
  page,
}, testInfo) => {
  test.setTimeout(4 * 60_000);
  const unavailable = cleanEngineUnavailable();
  if (unavailable) console.log(`[e2e] first-run spec skipped: ${unavailable}`);
  test.skip(unavailable !== null, `first-run spec skipped: ${unavailable}`);

  const engine = await startCleanEngine();
  const home = await mkdtemp(join(tmpdir(), 'kubelab-e2e-first-run-'));
  const env = { DOCKER_HOST: engine.dockerHost, KUBELAB_HOME: home };
  try {
    const images = ImageList.parse(
      JSON.parse(await kubelab(['images', 'list', '--json'], 60_000, env)),
    );
    expect(images.length).toBeGreaterThan(5);
    expect(images.filter((i) => i.present)).toEqual([]);

    const served = await startServe(env);
    try {
      await page.setViewportSize({ width: 1280, height: 900 });
      await page.goto(`${served.url}&lab=e2e2`);
      const status = page.getByTestId('status-images');
      await expect(status).toContainText(`${images.length} missing of ${images.length}`, {
        timeout: 30_000,
      });
      await expect(status).toContainText('Build them here');
      const rows = page.getByTestId('images').locator('tbody tr');
      await expect(rows).toHaveCount(images.length);
      for (const image of images) {
        const cell = page.getByRole('cell', { name: image.name, exact: true });
        await expect(rows.filter({ has: cell })).toContainText('missing');
      }
      // Nothing to start a lab with yet: Start waits for the images.
      await expect(page.getByTestId('status-lab-start')).toBeDisabled();
      await saveScreen(page, testInfo, 'home-first-run');

      await page.getByTestId('status-build-images').click();
      const progress = page.getByTestId('status-images-progress');
      await expect(progress).toHaveAttribute('data-state', 'running', { timeout: 30_000 });
      await expect(progress).toContainText(/\d+%/);
      await expect(progress).toContainText(images[0]!.name, { timeout: 60_000 });
      await saveScreen(page, testInfo, 'home-first-run-building');
      await page.getByTestId('status-images-progress-cancel').click();
      await expect(progress).not.toHaveAttribute('data-state', 'running', { timeout: 120_000 });
      await expect(progress).toContainText('cancel');
    } finally {
      await stopServe(served);
    }
  } finally {
    await engine.stop();
    await rm(home, { recursive: true, force: true });
  }
});
