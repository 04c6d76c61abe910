// (1) First run: kubelab on an engine that has never seen a lab image (a throwaway dockerd, see
// clean-engine.ts) with a new KUBELAB_HOME. Home says what is missing and how to fix it; a
// workshop bundle found next to the app loads with progress and its image turns up to date;
// Build images starts with live progress and can be cancelled. Where this stops, and why: a full
// cold build takes ~20 minutes and a full bundle is gigabytes, so the lab start itself is what
// every other spec here does on the shared engine (scripts/clean-engine-proof.sh loads the full
// bundle into a clean engine).
import { mkdir, mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Locator } from '@playwright/test';
import { z } from 'zod';
import { cleanEngineUnavailable, startCleanEngine } from './clean-engine.ts';
import { expect, test } from './fixtures.ts';
import { kubelab } from './kubelab-cli.ts';
import { saveScreen } from './screens.ts';
import { startServe, stopServe } from './serve-fixture.ts';

const ImageList = z.array(
  z.object({ name: z.string(), present: z.boolean(), sizeBytes: z.number().nullable() }),
);

async function imageList(env: NodeJS.ProcessEnv = {}): Promise<z.infer<typeof ImageList>> {
  return ImageList.parse(JSON.parse(await kubelab(['images', 'list', '--json'], 60_000, env)));
}

test('first run without images: Home shows what is missing, a bundle loads, a build starts', async ({
  page,
}, testInfo) => {
  test.setTimeout(5 * 60_000);
  const unavailable = cleanEngineUnavailable();
  if (unavailable) console.log(`[e2e] first-run spec skipped: ${unavailable}`);
  test.skip(unavailable !== null, `first-run spec skipped: ${unavailable}`);

  // The instructor's side, on the shared engine: a small bundle of its smallest lab image.
  const work = await mkdtemp(join(tmpdir(), 'kubelab-e2e-first-run-'));
  const smallest = (await imageList())
    .filter((i) => i.present && i.sizeBytes !== null)
    .sort((a, b) => a.sizeBytes! - b.sizeBytes!)[0];
  if (!smallest) throw new Error('no lab image on the shared engine to bundle: build them first');
  const bundleDir = join(work, 'bundles');
  await mkdir(bundleDir);
  await kubelab(
    // Only that image: nothing added to this machine's lab registry by other tests rides along.
    [
      'bundle',
      'create',
      join(bundleDir, 'first-run.kubelab'),
      '--images',
      smallest.name,
      '--added',
      'none',
    ],
    3 * 60_000,
  );

  const engine = await startCleanEngine();
  const env = {
    DOCKER_HOST: engine.dockerHost,
    KUBELAB_HOME: join(work, 'home'),
    KUBELAB_BUNDLE_DIR: bundleDir,
  };
  try {
    const images = await imageList(env);
    expect(images.length).toBeGreaterThan(5);
    expect(images.filter((i) => i.present)).toEqual([]);
    const total = images.length;

    const served = await startServe(env);
    try {
      await page.setViewportSize({ width: 1280, height: 900 });
      await page.goto(`${served.url}&lab=e2e2`);
      const status = page.getByTestId('status-images');
      await expect(status).toContainText(`${total} missing of ${total}`, { timeout: 30_000 });
      await expect(status).toContainText('Build them here');
      const rows = page.getByTestId('images').locator('tbody tr');
      await expect(rows).toHaveCount(total);
      const row = (name: string): Locator =>
        rows.filter({ has: page.getByRole('cell', { name, exact: true }) });
      for (const image of images) await expect(row(image.name)).toContainText('missing');
      // Nothing to start a lab with yet: Start waits for the images.
      await expect(page.getByTestId('status-lab-start')).toBeDisabled();
      await saveScreen(page, testInfo, 'home-first-run');

      const bundle = page.getByTestId('bundle-file').filter({ hasText: 'first-run.kubelab' });
      await expect(bundle).toContainText('1 images');
      await expect(bundle).toContainText('not signed');
      // An unsigned bundle asks, in plain words, before anything is loaded.
      const question = new Promise<string>((resolve) =>
        page.once('dialog', (dialog) => {
          resolve(dialog.message());
          void dialog.accept();
        }),
      );
      await bundle.getByRole('button', { name: 'Load' }).click();
      expect(await question).toMatch(/NOT signed.*root/s);
      const loading = page.getByTestId('bundle-progress');
      await expect(loading).toBeVisible({ timeout: 30_000 });
      await expect(loading).toHaveAttribute('data-state', 'done', { timeout: 120_000 });
      // The status bar and the images table follow the bundle load by themselves.
      await expect(status).toContainText(`${total - 1} missing of ${total}`, { timeout: 30_000 });
      await expect(row(smallest.name)).toContainText('up to date');

      await page.getByTestId('status-build-images').click();
      const building = page.getByTestId('status-images-progress');
      await expect(building).toHaveAttribute('data-state', 'running', { timeout: 30_000 });
      await expect(building).toContainText(/\d+%/);
      await saveScreen(page, testInfo, 'home-first-run-building');
      // Cancel is acknowledged at once, and the build really stops (the host-side mmdebstrap of
      // the first image is ended with its whole process group).
      await page.getByTestId('status-images-progress-cancel').click();
      await expect(page.getByTestId('status-images-progress-cancel')).toHaveText('Cancelling…');
      await expect(building).toHaveAttribute('data-state', 'cancelled', { timeout: 60_000 });
      await saveScreen(page, testInfo, 'home-first-run-cancelled');
    } finally {
      await stopServe(served);
    }
  } finally {
    await engine.stop();
    await rm(work, { recursive: true, force: true });
  }
});
