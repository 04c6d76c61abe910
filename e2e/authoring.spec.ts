// Authoring mode (`kubelab serve --scenarios-dir DIR --watch`): an instructor edits a step's
// Markdown and a check in a watched copy of a scenario, and the open page shows both within
// 2 s; a mistake in scenario.yaml shows inline with its file and line, and goes when fixed.
// Needs no lab: the page is about the scenario folder.
import { cp, mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { expect, test } from './fixtures.ts';
import { chooseScenario, expectStep } from './scenario-ui.ts';
import { saveScreen } from './screens.ts';
import { startServe, stopServe } from './serve-fixture.ts';

const FIXTURE = join(import.meta.dirname, '..', 'fixtures', 'scenarios', 'broken-rollout');

test('edits in a watched scenarios folder show in the open page within 2 s, lint errors inline', async ({
  page,
}, testInfo) => {
  test.setTimeout(3 * 60_000);
  const root = await mkdtemp(join(tmpdir(), 'kubelab-authoring-'));
  const dir = join(root, 'broken-rollout');
  await cp(FIXTURE, dir, { recursive: true });
  const app = await startServe({}, ['--scenarios-dir', root, '--watch']);
  try {
    await page.setViewportSize({ width: 1400, height: 900 });
    await page.goto(`${app.url}&lab=authoring-e2e&screen=scenario`);
    await chooseScenario(page, 'broken-rollout');
    await expectStep(page, 'Find why the rollout is stuck');
    await expect(page.getByTestId('scenario-problems-clean')).toBeVisible();
    const checks = page.getByTestId('step-checks');
    await expect(checks).toContainText('The Deployment shop is available with all its replicas.');

    // The step's Markdown: a new sentence appears in the open step.
    const text = join(dir, 'steps', '01-fix-image.md');
    await writeFile(text, `${await readFile(text, 'utf8')}\nEdited live by the instructor.\n`);
    await expect(page.getByText('Edited live by the instructor.')).toBeVisible({ timeout: 2_000 });

    // A check's description in scenario.yaml: the step's list of checks follows.
    const yamlPath = join(dir, 'scenario.yaml');
    const yaml = await readFile(yamlPath, 'utf8');
    await writeFile(
      yamlPath,
      yaml.replace(
        'The Deployment shop is available with all its replicas.',
        'Every replica of shop is available.',
      ),
    );
    await expect(checks).toContainText('Every replica of shop is available.', { timeout: 2_000 });

    // A mistake: an unknown check type. The page keeps the step and says where the error is.
    await writeFile(yamlPath, yaml.replace('type: ready', 'type: readyy'));
    const problem = page.getByTestId('scenario-problem').first();
    await expect(problem).toContainText('broken-rollout/scenario.yaml:', { timeout: 2_000 });
    await expect(problem).toContainText('unknown check type "readyy"');
    await expectStep(page, 'Find why the rollout is stuck');
    await saveScreen(page, testInfo, 'authoring-lint-error');

    await writeFile(yamlPath, yaml);
    await expect(page.getByTestId('scenario-problems-clean')).toBeVisible({ timeout: 2_000 });
  } finally {
    await stopServe(app);
    await rm(root, { recursive: true, force: true });
  }
});
