// Builds an instructor's progress report from a lab's progress and the scenario catalogue. Pure:
// lab-report.ts reads the two and renders the page. A record is never dropped for not matching
// the catalogue (a scenario removed or broken, a step renamed): it is listed and flagged, since
// the instructor may know what it was.
import { SELF_REPORTED } from '../api/schemas/report.ts';
import type {
  ProgressReport,
  ReportScenario,
  ReportStep,
  ReportTotals,
} from '../api/schemas/report.ts';
import type { LabProgress, ScenarioProgress } from './progress.ts';

/** What the report needs of a catalogue scenario. */
export interface ReportCatalogueEntry {
  id: string;
  title: string;
  steps: readonly { id: string; title: string }[];
}

export interface ReportInput {
  lab: string;
  generatedAt: Date;
  progress: LabProgress;
  /** In the catalogue's order (loadAllScenarios sorts by `order`). */
  catalogue: readonly ReportCatalogueEntry[];
  /** Ids of scenario folders that are there but do not load. */
  broken?: readonly string[];
  progressWarning?: string | null;
}

const NO_PROGRESS: ScenarioProgress = { steps: {}, hintsUsed: {} };

/** A record's own entry: ids come from files, and `constructor` must not find Object's. */
function own<T>(record: Record<string, T>, key: string): T | undefined {
  return Object.hasOwn(record, key) ? record[key] : undefined;
}

/** Milliseconds of a recorded time, or null when the file holds something else. */
function timeOf(passedAt: string | null): number | null {
  if (passedAt === null) return null;
  const ms = Date.parse(passedAt);
  return Number.isNaN(ms) ? null : ms;
}

function stepOf(
  id: string,
  title: string | null,
  inScenario: boolean,
  p: ScenarioProgress,
): ReportStep {
  const record = own(p.steps, id);
  return {
    id,
    title,
    inScenario,
    passed: record !== undefined,
    passedAt: record?.passedAt ?? null,
    secondsSincePrevious: null,
    solved: record?.solved === true,
    hintsUsed: own(p.hintsUsed, id) ?? 0,
  };
}

/** Each step's time since the one listed before it, where both have a readable time. */
function withDurations(steps: ReportStep[]): ReportStep[] {
  return steps.map((step, i) => {
    const previous = i > 0 ? timeOf(steps[i - 1]!.passedAt) : null;
    const own = timeOf(step.passedAt);
    const seconds = previous === null || own === null ? null : (own - previous) / 1000;
    return { ...step, secondsSincePrevious: seconds };
  });
}

/** Recorded steps (passes or hints) whose ids are not in `known`, earliest pass first. */
function recordedOutside(known: ReadonlySet<string>, p: ScenarioProgress): ReportStep[] {
  const ids = new Set([...Object.keys(p.steps), ...Object.keys(p.hintsUsed)]);
  return [...ids]
    .filter((id) => !known.has(id))
    .map((id) => stepOf(id, null, false, p))
    .sort(
      (a, b) =>
        (timeOf(a.passedAt) ?? Infinity) - (timeOf(b.passedAt) ?? Infinity) ||
        a.id.localeCompare(b.id),
    );
}

type StepSums = Pick<ReportScenario, 'stepsPassed' | 'stepsSolved' | 'hintsUsed'>;

/** Passes and solves of the steps that count; hints of every step (a hint shown was shown). */
function summed(steps: readonly ReportStep[], counted: (step: ReportStep) => boolean): StepSums {
  const kept = steps.filter(counted);
  return {
    stepsPassed: kept.filter((s) => s.passed).length,
    stepsSolved: kept.filter((s) => s.solved).length,
    hintsUsed: steps.reduce((sum, s) => sum + s.hintsUsed, 0),
  };
}

function listedScenario(entry: ReportCatalogueEntry, p: ScenarioProgress): ReportScenario {
  const own = withDurations(entry.steps.map((s) => stepOf(s.id, s.title, true, p)));
  // Steps renamed or removed since: shown, but neither a pass nor a solve of this scenario.
  const steps = [...own, ...recordedOutside(new Set(entry.steps.map((s) => s.id)), p)];
  const sums = summed(steps, (s) => s.inScenario);
  const recorded = steps.some((s) => s.passed || s.hintsUsed > 0);
  const total = entry.steps.length;
  return {
    id: entry.id,
    title: entry.title,
    catalogue: 'listed',
    state:
      total > 0 && sums.stepsPassed === total
        ? 'finished'
        : recorded
          ? 'in-progress'
          : 'not-started',
    stepsTotal: total,
    ...sums,
    steps,
  };
}

function unlistedScenario(
  id: string,
  p: ScenarioProgress,
  catalogue: ReportScenario['catalogue'],
): ReportScenario {
  // Without the scenario its steps' order is unknown: the order they passed in is the best guess.
  const steps = withDurations(recordedOutside(new Set(), p));
  const sums = summed(steps, () => true);
  return {
    id,
    title: null,
    catalogue,
    // Whether every step passed cannot be known without the scenario.
    state: steps.some((s) => s.passed || s.hintsUsed > 0) ? 'in-progress' : 'not-started',
    stepsTotal: null,
    ...sums,
    steps,
  };
}

function totalsOf(scenarios: readonly ReportScenario[]): ReportTotals {
  const count = (keep: (s: ReportScenario) => boolean): number => scenarios.filter(keep).length;
  const sum = (value: (s: ReportScenario) => number): number =>
    scenarios.reduce((total, s) => total + value(s), 0);
  return {
    scenarios: scenarios.length,
    finished: count((s) => s.state === 'finished'),
    inProgress: count((s) => s.state === 'in-progress'),
    notStarted: count((s) => s.state === 'not-started'),
    notInCatalogue: count((s) => s.catalogue !== 'listed'),
    stepsPassed: sum((s) => (s.catalogue === 'listed' ? s.stepsPassed : 0)),
    stepsTotal: sum((s) => s.stepsTotal ?? 0),
    passesOutsideCatalogue: sum((s) => s.steps.filter((st) => st.passed && !st.inScenario).length),
    stepsSolved: sum((s) => s.stepsSolved),
    hintsUsed: sum((s) => s.hintsUsed),
  };
}

export function buildProgressReport(input: ReportInput): ProgressReport {
  const recorded = input.progress.scenarios;
  const listedIds = new Set(input.catalogue.map((entry) => entry.id));
  const broken = new Set(input.broken ?? []);
  const scenarios = [
    ...input.catalogue.map((entry) =>
      listedScenario(entry, own(recorded, entry.id) ?? NO_PROGRESS),
    ),
    ...Object.keys(recorded)
      .filter((id) => !listedIds.has(id))
      .sort()
      .map((id) =>
        unlistedScenario(id, recorded[id]!, broken.has(id) ? 'does-not-load' : 'not-in-catalogue'),
      ),
  ];
  return {
    format: 'kubelab-progress-report',
    version: 1,
    lab: input.lab,
    generatedAt: input.generatedAt.toISOString(),
    selfReported: SELF_REPORTED,
    progressWarning: input.progressWarning ?? null,
    totals: totalsOf(scenarios),
    scenarios,
  };
}
