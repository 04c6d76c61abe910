// `kubelab report` end to end without Docker: the real CLI (node bin/kubelab.js) on a
// KUBELAB_HOME of its own, a progress file written by hand, the real scenario catalogue.
import { spawnSync } from 'node:child_process';
import { mkdir, mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ProgressReportSchema } from '../../api/schemas/report.ts';
import type { LabProgress } from '../../learner/progress.ts';
import { escapeHtml } from '../../learner/html.ts';
import { defaultScenariosRoot, loadAllScenarios } from '../../scenarios/load.ts';
import type { LoadedScenario } from '../../scenarios/load.ts';
import { reportPaths } from './report.ts';

const ROOT = resolve(import.meta.dirname, '../../..');
const LAB = 'class-1';

let home: string;
let out: string;
let finished: LoadedScenario;
let halfDone: LoadedScenario;

function kubelab(...args: string[]): { status: number | null; stdout: string; stderr: string } {
  const result = spawnSync(process.execPath, ['bin/kubelab.js', ...args], {
    cwd: ROOT,
    encoding: 'utf8',
    env: { ...process.env, KUBELAB_HOME: home, NO_COLOR: '1' },
    timeout: 120_000,
  });
  return { status: result.status, stdout: result.stdout, stderr: result.stderr };
}

beforeAll(async () => {
  home = await mkdtemp(join(tmpdir(), 'kubelab-report-home-'));
  out = await mkdtemp(join(tmpdir(), 'kubelab-report-out-'));
  // The first two scenarios of the catalogue as it is now, so the test follows their edits.
  const { scenarios } = await loadAllScenarios(defaultScenariosRoot());
  [finished, halfDone] = scenarios as [LoadedScenario, LoadedScenario];
  expect(halfDone.scenario.steps.length).toBeGreaterThanOrEqual(3);
  const start = Date.parse('2026-12-01T09:00:00Z');
  const at = (minutes: number): string => new Date(start + minutes * 60_000).toISOString();
  const [h0, h1, h2] = halfDone.scenario.steps.map((step) => step.id) as [string, string, string];
  const progress: LabProgress = {
    version: 1,
    scenarios: {
      [finished.id]: {
        steps: Object.fromEntries(
          finished.scenario.steps.map((step, i) => [step.id, { passedAt: at(i * 4) }]),
        ),
        hintsUsed: {},
      },
      [halfDone.id]: {
        steps: { [h0]: { passedAt: at(60) }, [h1]: { passedAt: at(75), solved: true } },
        hintsUsed: { [h1]: 1, [h2]: 2 },
      },
    },
  };
  await mkdir(join(home, 'labs', LAB), { recursive: true });
  await writeFile(join(home, 'labs', LAB, 'progress.json'), JSON.stringify(progress));
});

afterAll(async () => {
  await rm(home, { recursive: true, force: true });
  await rm(out, { recursive: true, force: true });
});

describe('kubelab report', () => {
  it('writes the HTML page and the JSON beside it, both showing both scenarios', async () => {
    const file = join(out, 'class-1.html');
    const run = kubelab('report', '--lab', LAB, file, '--json');
    expect(run.stderr).toContain(file);
    expect(run.status).toBe(0);
    expect(run.stderr).toContain(join(out, 'class-1.json'));

    const json: unknown = JSON.parse(await readFile(join(out, 'class-1.json'), 'utf8'));
    expect(JSON.parse(run.stdout)).toEqual(json);
    const report = ProgressReportSchema.parse(json);
    expect(report.lab).toBe(LAB);
    const byId = new Map(report.scenarios.map((s) => [s.id, s]));
    const done = byId.get(finished.id)!;
    expect(done).toMatchObject({
      title: finished.scenario.title,
      state: 'finished',
      stepsTotal: finished.scenario.steps.length,
      stepsPassed: finished.scenario.steps.length,
      stepsSolved: 0,
      hintsUsed: 0,
    });
    expect(done.steps.slice(1).every((step) => step.secondsSincePrevious === 240)).toBe(true);
    const half = byId.get(halfDone.id)!;
    expect(half).toMatchObject({
      state: 'in-progress',
      stepsTotal: halfDone.scenario.steps.length,
      stepsPassed: 2,
      stepsSolved: 1,
      hintsUsed: 3,
    });
    expect(half.steps.slice(0, 3).map((s) => [s.passed, s.solved, s.hintsUsed])).toEqual([
      [true, false, 0],
      [true, true, 1],
      [false, false, 2],
    ]);
    expect(half.steps[1]!.secondsSincePrevious).toBe(900);
    const others = report.scenarios.filter((s) => s.id !== finished.id && s.id !== halfDone.id);
    expect(others.every((s) => s.state === 'not-started')).toBe(true);
    expect(report.totals).toMatchObject({ finished: 1, inProgress: 1, stepsSolved: 1 });
    expect(run.stderr).toContain(
      `${report.totals.finished} of ${report.totals.scenarios} scenarios finished, 1 in progress`,
    );

    const html = (await readFile(file, 'utf8')).replace(/\s+/g, ' ');
    expect(html).toContain(escapeHtml(finished.scenario.title));
    expect(html).toContain(escapeHtml(halfDone.scenario.title));
    expect(html).toContain(
      `<strong>finished</strong> · ${finished.scenario.steps.length} of ${finished.scenario.steps.length} steps passed`,
    );
    expect(html).toContain(
      `<strong>in progress</strong> · 2 of ${halfDone.scenario.steps.length} steps passed · 1 solved`,
    );
    expect(html).toContain('2026-12-01T10:15:00Z');
    expect(html).toContain('15 min 00 s');
    expect(html).toContain('nothing here is signed or proof against editing');
  });

  it('replaces a report already there, and prints no JSON without --json', async () => {
    const file = join(out, 'again');
    await writeFile(file, 'old');
    const run = kubelab('report', '--lab', LAB, file);
    expect(run.status).toBe(0);
    expect(run.stdout).toContain(`${file}\n`);
    expect(run.stdout).toContain(`${file}.json`);
    expect(run.stdout).not.toContain('{');
    expect(await readFile(file, 'utf8')).toMatch(/^<!doctype html>/);
  });

  it('a FILE in a folder that does not exist is an error with its fix', () => {
    const run = kubelab('report', '--lab', LAB, join(out, 'no', 'such', 'r.html'));
    expect(run.status).toBe(1);
    expect(run.stderr).toContain(`There is no folder ${join(out, 'no', 'such')}`);
    expect(run.stderr).toContain(`fix: Make it first (mkdir -p ${join(out, 'no', 'such')})`);
  });

  it('a lab with no folder here is an error, not an empty report', () => {
    const run = kubelab('report', '--lab', 'class-2', join(out, 'r.html'));
    expect(run.status).toBe(1);
    expect(run.stderr).toContain('There is no lab "class-2"');
    expect(run.stderr).toContain('fix: `kubelab labs`');
  });

  it('a FILE ending in .json is a usage error', () => {
    const run = kubelab('report', join(out, 'r.json'));
    expect(run.status).toBe(2);
    expect(run.stderr).toContain('ends in .json');
  });
});

describe('report paths', () => {
  it('the JSON takes FILE’s name with .json for its extension', () => {
    expect(reportPaths('/tmp/a/week-1.html')).toEqual({
      html: '/tmp/a/week-1.html',
      json: '/tmp/a/week-1.json',
    });
    expect(reportPaths('/tmp/report')).toEqual({ html: '/tmp/report', json: '/tmp/report.json' });
    expect(reportPaths('/tmp/v1.2/r.htm').json).toBe('/tmp/v1.2/r.json');
    expect(() => reportPaths('r.JSON')).toThrow(/ends in \.json/);
  });
});
