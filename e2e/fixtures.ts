// The fixtures every spec uses:
// - `served`: a real `kubelab serve` per test (browser mode);
// - `lab`: ONE real lab per worker, started from Home's Start button once (start-lab.ts) and
//   purged at the end, so specs share its start-up;
// - `ui`: the app as a learner opens it — in Chromium against `served` (project browser-mode) or
//   as the Electron app (project electron; skipped with the printed reason where it cannot run).
import { _electron, test as base } from '@playwright/test';
import type { ElectronApplication, Page, TestInfo } from '@playwright/test';
import { ELECTRON_MAIN, electronRuntime } from './electron-runtime.ts';
import { kubelab } from './kubelab-cli.ts';
import { e2eKubeconfig, startServe, stopServe } from './serve-fixture.ts';
import { startLabFromHome } from './start-lab.ts';
import type { ServedApp } from './serve-fixture.ts';

/** The e2e suite's own lab; nothing else on a shared engine is touched. */
export const LAB = process.env.KUBELAB_E2E_LAB ?? 'e2e';

export type Target = 'browser' | 'electron';
export type ScreenName = 'home' | 'scenario';

export interface KubelabUi {
  page: Page;
  /** Shows `screen` for `lab` the way a learner gets there on this target. */
  open(options: { lab?: string; screen?: ScreenName }): Promise<void>;
}

interface TestFixtures {
  target: Target;
  served: ServedApp;
  ui: KubelabUi;
}

interface WorkerFixtures {
  lab: string;
}

const UP_TIMEOUT_MS = 8 * 60_000;
const DOWN_TIMEOUT_MS = 3 * 60_000;

async function launchElectron(
  testInfo: TestInfo,
): Promise<{ app: ElectronApplication; page: Page }> {
  const runtime = await electronRuntime();
  if ('skipReason' in runtime) {
    testInfo.skip(true, `electron project skipped: ${runtime.skipReason}`);
    throw new Error(runtime.skipReason); // not reached: skip() ends the test
  }
  const app = await _electron.launch({
    executablePath: runtime.binary,
    args: [ELECTRON_MAIN],
    env: { ...process.env, NO_COLOR: '1', KUBECONFIG: e2eKubeconfig() },
  });
  return { app, page: await app.firstWindow() };
}

export const test = base.extend<TestFixtures, WorkerFixtures>({
  target: ['browser', { option: true }],

  // Playwright requires the destructuring pattern even when a fixture uses no other fixture.
  // eslint-disable-next-line no-empty-pattern
  served: async ({}, use) => {
    const app = await startServe();
    await use(app);
    await stopServe(app);
  },

  lab: [
    async ({ browser }, use) => {
      // A lab left over by an interrupted run would carry its objects and progress: start clean.
      await kubelab(['down', '--lab', LAB, '--purge', '--data', '--yes'], DOWN_TIMEOUT_MS);
      await startLabFromHome(browser, LAB, UP_TIMEOUT_MS);
      await use(LAB);
      await kubelab(['down', '--lab', LAB, '--purge', '--data', '--yes'], DOWN_TIMEOUT_MS);
    },
    { scope: 'worker', timeout: UP_TIMEOUT_MS + 2 * DOWN_TIMEOUT_MS },
  ],

  ui: async ({ target, page, served }, use, testInfo) => {
    if (target === 'browser') {
      await use({
        page,
        open: async ({ lab, screen }) => {
          const params = new URLSearchParams();
          if (lab) params.set('lab', lab);
          if (screen) params.set('screen', screen);
          await page.goto(`${served.url}&${params.toString()}`);
        },
      });
      return;
    }
    const electron = await launchElectron(testInfo);
    await use({
      page: electron.page,
      open: async ({ lab, screen }) => {
        const window = electron.page;
        if (lab) {
          await window.getByTestId('lab-name').fill(lab);
          await window.getByTestId('lab-name').press('Enter');
        }
        if (screen === 'scenario') await window.getByTestId('nav-scenario').click();
        else if (screen === 'home') await window.getByRole('button', { name: 'Home' }).click();
      },
    });
    await electron.app.close();
  },
});

/**
 * A scenario from its beginning on the shared lab: objects and data folders removed
 * and the lab's recorded progress forgotten, as on a new lab (`kubelab reset --data --progress`).
 */
export async function freshScenario(lab: string): Promise<void> {
  await kubelab(['reset', '--lab', lab, '--data', '--progress', '--yes'], DOWN_TIMEOUT_MS);
}

export { expect } from '@playwright/test';
