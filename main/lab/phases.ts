// A lab operation is a list of named phases (kind's "actions"): each reports progress and its
// time, and the same list drives the progress bar in the CLI and the UI.
export interface Phase {
  name: string;
  /** Relative weight for the progress bar (roughly its share of a cold start's time). */
  weight: number;
  run(report: (message: string) => void): Promise<void>;
}

export interface PhaseReport {
  phase: string;
  percent: number;
  message: string;
}

export async function runPhases(
  phases: Phase[],
  onProgress: (report: PhaseReport) => void,
  signal?: AbortSignal,
): Promise<Record<string, number>> {
  const total = phases.reduce((sum, phase) => sum + phase.weight, 0);
  const timings: Record<string, number> = {};
  let done = 0;
  for (const phase of phases) {
    if (signal?.aborted) throw new Error('cancelled');
    const started = Date.now();
    const percent = (): number => Math.round((done / total) * 100);
    onProgress({ phase: phase.name, percent: percent(), message: 'starting' });
    await phase.run((message) => onProgress({ phase: phase.name, percent: percent(), message }));
    timings[phase.name] = (Date.now() - started) / 1000;
    done += phase.weight;
    onProgress({
      phase: phase.name,
      percent: percent(),
      message: `done in ${timings[phase.name]!.toFixed(1)} s`,
    });
  }
  return timings;
}
