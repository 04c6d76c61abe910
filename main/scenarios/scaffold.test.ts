import { mkdir, mkdtemp, readFile, readdir } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { LabError } from '../api/errors.ts';
import { lintScenarioFolder } from './lint.ts';
import { loadScenario } from './load.ts';
import { formatProblem } from './problems.ts';
import { scaffoldScenario } from './scaffold.ts';

async function failure(promise: Promise<unknown>): Promise<LabError> {
  try {
    await promise;
  } catch (error) {
    if (error instanceof LabError) return error;
    throw error;
  }
  throw new Error('it did not fail');
}

describe('scaffoldScenario', () => {
  it('makes a folder that lints without a single problem, one commented step and its text', async () => {
    const parent = await mkdtemp(join(tmpdir(), 'kubelab-new-'));
    const { dir, files } = await scaffoldScenario('first-steps', parent);
    expect(dir).toBe(join(parent, 'first-steps'));
    expect(files).toEqual(['scenario.yaml', 'steps/01-start-a-pod.md']);
    expect((await lintScenarioFolder(dir)).map(formatProblem)).toEqual([]);
    const loaded = await loadScenario(dir);
    if (!loaded.ok) throw new Error('does not load');
    expect(loaded.loaded.scenario).toMatchObject({
      id: 'first-steps',
      title: 'First steps',
      nodes: 1,
    });
    expect(loaded.loaded.scenario.steps.map((s) => s.id)).toEqual(['start-a-pod']);
    // Every field line of the step and the scenario explains itself in a comment.
    const yaml = await readFile(join(dir, 'scenario.yaml'), 'utf8');
    for (const field of [
      'id',
      'title',
      'summary',
      'level',
      'minutes',
      'nodes',
      'images',
      'steps',
      'checks',
      'hints',
      'solve',
    ]) {
      expect(yaml, field).toMatch(new RegExp(`^\\s*(- )?${field}:.*#`, 'm'));
    }
    expect(await readdir(parent)).toEqual(['first-steps']);
  });

  it('refuses an existing folder, with the code and the fix', async () => {
    const parent = await mkdtemp(join(tmpdir(), 'kubelab-new-'));
    await mkdir(join(parent, 'taken'));
    const error = await failure(scaffoldScenario('taken', parent));
    expect(error.code).toBe('FOLDER_EXISTS');
    expect(error.message).toBe(
      `${join(parent, 'taken')} already exists; kubelab does not write over a folder.`,
    );
    expect(error.fix).toBe(`Pick another name, or move ${join(parent, 'taken')} away first.`);
  });

  it.each(['My_Scenario', 'ends-', 'two--hyphens', 'Upper'])(
    'refuses the id %s, which is not kebab-case',
    async (id) => {
      const parent = await mkdtemp(join(tmpdir(), 'kubelab-new-'));
      const error = await failure(scaffoldScenario(id, parent));
      expect(error.code).toBe('BAD_SCENARIO_ID');
      expect(error.fix).toBe(
        'Use lower-case letters and digits joined by single hyphens, e.g. my-first-scenario.',
      );
      expect(await readdir(parent)).toEqual([]);
    },
  );
});
