// Starts that took far longer than their figure's median, each with the phase that grew most.
// Medians hide them, and a learner meets them: a warm start of 24.6 s among ones of 10 s went
// unexplained because the report kept only the median of each phase. Pure.
import type { FigureKey } from './figures.ts';
import type { StartProfile } from './report.ts';
import { median } from './stats.ts';

export interface Outlier {
  figure: FigureKey;
  /** 1-based, in the order the starts ran. */
  run: number;
  /** The start's own length (the sum of its phases) and the median of those lengths. */
  seconds: number;
  medianSeconds: number;
  /** The phase that took longest over its own median in this start. */
  phase: string;
  phaseSeconds: number;
  phaseMedian: number;
  /** That phase's last progress line in this start, when the bench kept one. */
  said: string | null;
}

/** A start counts as an outlier from this many times its figure's median length. */
export const OUTLIER_FACTOR = 1.5;

const total = (phases: Record<string, number>): number =>
  Object.values(phases).reduce((sum, seconds) => sum + seconds, 0);

/** Each start figure's slow starts, given every start's phases and the per-phase medians. */
export function findOutliers(
  starts: Partial<Record<FigureKey, StartProfile[]>>,
  medians: Partial<Record<FigureKey, Record<string, number>>>,
): Outlier[] {
  const found: Outlier[] = [];
  for (const [figure, runs] of Object.entries(starts) as [FigureKey, StartProfile[]][]) {
    const byPhase = medians[figure];
    // With fewer than three starts the median is one of two: nothing stands out from it.
    if (!byPhase || runs.length < 3) continue;
    const medianSeconds = median(runs.map((run) => total(run.phases)));
    runs.forEach(({ phases, said }, index) => {
      const seconds = total(phases);
      if (seconds <= OUTLIER_FACTOR * medianSeconds) return;
      let phase = '';
      let growth = -Infinity;
      for (const [name, phaseSeconds] of Object.entries(phases)) {
        const over = phaseSeconds - (byPhase[name] ?? 0);
        if (over > growth) [phase, growth] = [name, over];
      }
      found.push({
        figure,
        run: index + 1,
        seconds,
        medianSeconds,
        phase,
        phaseSeconds: phases[phase] ?? 0,
        phaseMedian: byPhase[phase] ?? 0,
        said: said[phase] ?? null,
      });
    });
  }
  return found;
}
