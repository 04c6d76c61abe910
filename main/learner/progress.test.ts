import { mkdtemp, readFile, readdir, rm, writeFile, mkdir } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { VALID_SCENARIO_YAML } from '../scenarios/fixture.ts';
import { ScenarioSchema } from '../scenarios/schema.ts';
import {
  currentStepIndex,
  forgetProgress,
  markStepPassed,
  progressFile,
  readProgress,
  recordHintsUsed,
  resetScenarioProgress,
} from './progress.ts';

describe('progress on disk', () => {
  let home: string;
  const saved = process.env.KUBELAB_HOME;

  beforeEach(async () => {
    home = await mkdtemp(join(tmpdir(), 'kubelab-progress-'));
    process.env.KUBELAB_HOME = home;
  });

  afterEach(async () => {
    if (saved === undefined) delete process.env.KUBELAB_HOME;
    else process.env.KUBELAB_HOME = saved;
    await rm(home, { recursive: true, force: true });
  });

  it('starts empty and records passed steps and hints', async () => {
    expect(await readProgress('lab1')).toEqual({
      progress: { version: 1, scenarios: {} },
      warning: null,
    });
    await markStepPassed('lab1', 'volumes', 'emptydir', { at: new Date('2026-01-01T10:00:00Z') });
    await markStepPassed('lab1', 'volumes', 'subpath', {
      solved: true,
      at: new Date('2026-01-01T10:05:00Z'),
    });
    await recordHintsUsed('lab1', 'volumes', 'subpath', 2);
    await recordHintsUsed('lab1', 'volumes', 'subpath', 1);
    const { progress } = await readProgress('lab1');
    expect(progress.scenarios.volumes).toEqual({
      steps: {
        emptydir: { passedAt: '2026-01-01T10:00:00.000Z' },
        subpath: { passedAt: '2026-01-01T10:05:00.000Z', solved: true },
      },
      hintsUsed: { subpath: 2 },
    });
    expect(progressFile('lab1')).toBe(join(home, 'labs', 'lab1', 'progress.json'));
    await resetScenarioProgress('lab1', 'volumes');
    expect((await readProgress('lab1')).progress.scenarios).toEqual({});
  });

  it('forgets every scenario of one lab, and only of that lab', async () => {
    await markStepPassed('lab3', 'volumes', 'emptydir');
    await recordHintsUsed('lab3', 'services', 'expose', 1);
    await markStepPassed('other', 'volumes', 'emptydir');
    await forgetProgress('lab3');
    expect((await readProgress('lab3')).progress).toEqual({ version: 1, scenarios: {} });
    expect(Object.keys((await readProgress('other')).progress.scenarios)).toEqual(['volumes']);
  });

  it('loses no update when several come at once', async () => {
    await Promise.all(['a', 'b', 'c', 'd'].map((step) => markStepPassed('lab2', 's', step)));
    const { progress } = await readProgress('lab2');
    expect(Object.keys(progress.scenarios.s!.steps).sort()).toEqual(['a', 'b', 'c', 'd']);
    const files = await readdir(join(home, 'labs', 'lab2'));
    expect(files).toEqual(['progress.json']);
  });

  it('sets a corrupt file aside with a warning and carries on', async () => {
    await mkdir(join(home, 'labs', 'lab3'), { recursive: true });
    await writeFile(progressFile('lab3'), '{"version": 1, "scenarios": ');
    const read = await readProgress('lab3');
    expect(read.progress).toEqual({ version: 1, scenarios: {} });
    expect(read.warning).toMatch(/was unreadable; it was moved to .*progress\.json\.corrupt-\d+/);
    const files = await readdir(join(home, 'labs', 'lab3'));
    expect(files.some((f) => f.startsWith('progress.json.corrupt-'))).toBe(true);
    await markStepPassed('lab3', 's', 'x');
    expect(JSON.parse(await readFile(progressFile('lab3'), 'utf8'))).toMatchObject({
      scenarios: { s: { steps: { x: {} } } },
    });
  });

  it('keeps every entry of a damaged file that still reads, and says where the original went', async () => {
    await mkdir(join(home, 'labs', 'lab5'), { recursive: true });
    await writeFile(
      progressFile('lab5'),
      JSON.stringify({
        version: 1,
        scenarios: {
          services: {
            steps: { one: { passedAt: '2026-01-01T00:00:00Z' }, two: { passedAt: 42 } },
            hintsUsed: { one: 2, two: -1 },
          },
          volumes: 'garbage',
        },
      }),
    );
    const read = await readProgress('lab5');
    expect(read.progress.scenarios).toEqual({
      services: { steps: { one: { passedAt: '2026-01-01T00:00:00Z' } }, hintsUsed: { one: 2 } },
    });
    expect(read.warning).toMatch(
      /2 entries kept, 3 dropped\. The original is in .*progress\.json\.corrupt-\d+/,
    );
    // what was kept is on disk again, readable without a warning
    expect((await readProgress('lab5')).warning).toBeNull();
  });

  it('treats a file of the wrong shape as corrupt too', async () => {
    await mkdir(join(home, 'labs', 'lab4'), { recursive: true });
    await writeFile(progressFile('lab4'), '{"version": 7}');
    expect((await readProgress('lab4')).warning).not.toBeNull();
  });
});

describe('the current step', () => {
  const scenario = ScenarioSchema.parse(parse(VALID_SCENARIO_YAML));
  const ids = scenario.steps.map((s) => s.id);

  it('is the first step not passed yet, or none when all have passed', () => {
    expect(currentStepIndex(scenario, undefined)).toBe(0);
    const first = { steps: { [ids[0]!]: { passedAt: 'x' } }, hintsUsed: {} };
    expect(currentStepIndex(scenario, first)).toBe(ids.length > 1 ? 1 : null);
    const all = {
      steps: Object.fromEntries(ids.map((id) => [id, { passedAt: 'x' }])),
      hintsUsed: {},
    };
    expect(currentStepIndex(scenario, all)).toBeNull();
  });
});
