// e2e runs in Debian's Chromium (never a downloaded browser) against `kubelab serve`, and — where
// an Electron runtime and a display exist — the specs tagged @desktop against the Electron app.
import { defineConfig } from '@playwright/test';
import type { Target } from './fixtures.ts';

export const CHROMIUM = process.env.KUBELAB_CHROMIUM ?? '/usr/bin/chromium';

export default defineConfig<{ target: Target }>({
  testDir: '.',
  testMatch: '**/*.spec.ts',
  outputDir: '../test-results/e2e',
  globalSetup: './global-setup.ts',
  timeout: 120_000,
  retries: 0,
  workers: 1,
  reporter: [['list'], ['html', { outputFolder: '../test-results/e2e-report', open: 'never' }]],
  use: {
    browserName: 'chromium',
    headless: true,
    screenshot: 'on',
    trace: 'retain-on-failure',
    launchOptions: {
      executablePath: CHROMIUM,
      args: [
        '--no-sandbox',
        '--disable-gpu',
        '--disable-quic',
        '--no-first-run',
        '--disable-background-networking',
        '--disable-component-update',
        '--disable-sync',
      ],
    },
  },
  projects: [
    { name: 'browser-mode', use: { target: 'browser' } },
    { name: 'electron', use: { target: 'electron' }, grep: /@desktop/ },
  ],
});
