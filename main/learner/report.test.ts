import { describe, expect, it } from 'vitest';
import { ProgressReportSchema, SELF_REPORTED } from '../api/schemas/report.ts';
import type { ProgressReport } from '../api/schemas/report.ts';
import type { LabProgress } from './progress.ts';
import { buildProgressReport } from './report.ts';
import type { ReportCatalogueEntry } from './report.ts';

const catalogue: ReportCatalogueEntry[] = [
  {
    id: 'pods',
    title: 'Two containers, one pod',
    steps: [
      { id: 'create', title: 'Create the pod' },
      { id: 'share', title: 'Share a volume' },
    ],
  },
  {
    id: 'net',
    title: 'Pod networking',
    steps: [
      { id: 'ip', title: 'Find the IP' },
      { id: 'ping', title: 'Ping it' },
      { id: 'route', title: 'Follow the route' },
    ],
  },
  { id: 'vol', title: 'Volumes', steps: [{ id: 'mount', title: 'Mount it' }] },
];

const progress: LabProgress = {
  version: 1,
  scenarios: {
    pods: {
      steps: {
        create: { passedAt: '2026-12-01T10:00:00.000Z' },
        share: { passedAt: '2026-12-01T10:03:30.000Z' },
      },
      hintsUsed: {},
    },
    net: {
      steps: {
        ip: { passedAt: '2026-12-01T11:00:00.000Z' },
        ping: { passedAt: '2026-12-01T11:10:00.000Z', solved: true },
        // renamed since: shown, flagged, not counted
        'old-step': { passedAt: '2026-12-01T11:20:00.000Z' },
      },
      hintsUsed: { ping: 2, route: 1 },
    },
    gone: {
      steps: {
        b: { passedAt: '2026-12-01T09:05:00.000Z' },
        a: { passedAt: '2026-12-01T09:00:00.000Z', solved: true },
      },
      hintsUsed: { c: 1 },
    },
    broken: { steps: {}, hintsUsed: { x: 1 } },
  },
};

const build = (): ProgressReport =>
  buildProgressReport({
    lab: 'class-1',
    generatedAt: new Date('2026-12-02T08:00:00Z'),
    progress,
    catalogue,
    broken: ['broken'],
    progressWarning: null,
  });

describe('progress report', () => {
  it('has the shape its schema declares, says what it is worth, and keeps the catalogue order', () => {
    const report = build();
    expect(ProgressReportSchema.parse(report)).toEqual(report);
    expect(report.selfReported).toBe(SELF_REPORTED);
    expect(report.selfReported).toContain('nothing here is signed or proof against editing');
    expect(report.generatedAt).toBe('2026-12-02T08:00:00.000Z');
    expect(report.scenarios.map((s) => s.id)).toEqual(['pods', 'net', 'vol', 'broken', 'gone']);
  });

  it('a scenario with every step passed is finished, with the time between steps', () => {
    const pods = build().scenarios[0]!;
    expect(pods).toMatchObject({
      title: 'Two containers, one pod',
      catalogue: 'listed',
      state: 'finished',
      stepsTotal: 2,
      stepsPassed: 2,
      stepsSolved: 0,
      hintsUsed: 0,
    });
    expect(pods.steps).toEqual([
      {
        id: 'create',
        title: 'Create the pod',
        inScenario: true,
        passed: true,
        passedAt: '2026-12-01T10:00:00.000Z',
        secondsSincePrevious: null,
        solved: false,
        hintsUsed: 0,
      },
      {
        id: 'share',
        title: 'Share a volume',
        inScenario: true,
        passed: true,
        passedAt: '2026-12-01T10:03:30.000Z',
        secondsSincePrevious: 210,
        solved: false,
        hintsUsed: 0,
      },
    ]);
  });

  it('a half-done scenario: solves and hints per step, a renamed step flagged but not counted', () => {
    const net = build().scenarios[1]!;
    expect(net).toMatchObject({
      state: 'in-progress',
      stepsTotal: 3,
      stepsPassed: 2,
      stepsSolved: 1,
      hintsUsed: 3,
    });
    expect(
      net.steps.map((s) => [
        s.id,
        s.inScenario,
        s.passed,
        s.solved,
        s.hintsUsed,
        s.secondsSincePrevious,
      ]),
    ).toEqual([
      ['ip', true, true, false, 0, null],
      ['ping', true, true, true, 2, 600],
      ['route', true, false, false, 1, null],
      ['old-step', false, true, false, 0, null],
    ]);
    expect(net.steps[3]!.title).toBeNull();
  });

  it('nothing recorded is not started; a hint alone is a start', () => {
    const report = build();
    expect(report.scenarios[2]).toMatchObject({ id: 'vol', state: 'not-started', stepsPassed: 0 });
    expect(report.scenarios[2]!.steps[0]).toMatchObject({ passed: false, passedAt: null });
    expect(report.scenarios[3]).toMatchObject({
      id: 'broken',
      catalogue: 'does-not-load',
      state: 'in-progress',
      stepsPassed: 0,
      hintsUsed: 1,
    });
  });

  it('keeps a scenario the catalogue no longer has, its steps in the order they passed', () => {
    const gone = build().scenarios[4]!;
    expect(gone).toMatchObject({
      title: null,
      catalogue: 'not-in-catalogue',
      state: 'in-progress',
      stepsTotal: null,
      stepsPassed: 2,
      stepsSolved: 1,
      hintsUsed: 1,
    });
    expect(gone.steps.map((s) => [s.id, s.passed, s.secondsSincePrevious])).toEqual([
      ['a', true, null],
      ['b', true, 300],
      ['c', false, null],
    ]);
  });

  it('totals: catalogue steps apart from passes the catalogue cannot place', () => {
    expect(build().totals).toEqual({
      scenarios: 5,
      finished: 1,
      inProgress: 3,
      notStarted: 1,
      notInCatalogue: 2,
      stepsPassed: 4,
      stepsTotal: 6,
      passesOutsideCatalogue: 3,
      stepsSolved: 2,
      hintsUsed: 5,
    });
  });

  it('an unreadable time gets no duration; a step id like toString finds no record', () => {
    const report = buildProgressReport({
      lab: 'x',
      generatedAt: new Date(0),
      catalogue: [
        {
          id: 'constructor',
          title: 'Odd ids',
          steps: [
            { id: 'toString', title: 'one' },
            { id: 'two', title: 'two' },
          ],
        },
      ],
      progress: {
        version: 1,
        scenarios: { constructor: { steps: { two: { passedAt: 'yesterday' } }, hintsUsed: {} } },
      },
      progressWarning: 'part of it was unreadable',
    });
    expect(report.progressWarning).toBe('part of it was unreadable');
    expect(
      report.scenarios[0]!.steps.map((s) => [s.passed, s.passedAt, s.secondsSincePrevious]),
    ).toEqual([
      [false, null, null],
      [true, 'yesterday', null],
    ]);
    expect(report.scenarios[0]!.state).toBe('in-progress');
  });

  it('an empty lab: every scenario not started', () => {
    const report = buildProgressReport({
      lab: 'x',
      generatedAt: new Date(0),
      catalogue,
      progress: { version: 1, scenarios: {} },
    });
    expect(report.totals).toMatchObject({
      scenarios: 3,
      notStarted: 3,
      stepsPassed: 0,
      stepsTotal: 6,
    });
    expect(report.progressWarning).toBeNull();
  });
});
