// The scenarios written for the tests (fixtures/scenarios/) are held to the built-in ones'
// standard: they load and lint without errors or warnings.
import { readdirSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { appRoot } from '../paths.ts';
import { lintScenarioFolder } from './lint.ts';
import { formatProblem } from './problems.ts';

const ROOT = join(appRoot(), 'fixtures', 'scenarios');
const FIXTURES = readdirSync(ROOT);

describe('the fixture scenarios', () => {
  it('include the broken-state exercise', () => {
    expect(FIXTURES).toContain('broken-rollout');
  });

  it.each(FIXTURES)('%s lints without errors or warnings', async (id) => {
    const problems = await lintScenarioFolder(join(ROOT, id));
    expect(problems.map(formatProblem)).toEqual([]);
  });
});
