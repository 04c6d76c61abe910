// A lab operation is a list of named phases (kind's "actions"): each reports progress and its
// time, and the same list drives the progress bar in the CLI and the UI.
import { cancelled } from '../api/errors.ts';

/**
 * A phase's progress line; `fraction` (0–1) is how far the phase is, for a phase that can tell
 * (the ready phase: how many of its waits are met), so the bar moves during a long phase.
 */
export type PhaseReporter = (message: string, fraction?: number) => void;

export interface Phase {
  name: string;
  /** Relative weight for the progress bar (roughly its share of a cold start's time). */
  weight: number;
  run(report: PhaseReporter): Promise<void>;
}

const STARTING = 'starting';
const DONE = 'done in ';

export interface PhaseReport {
  phase: string;
  percent: number;
  message: string;
}

/** Whether a progress line is the runner's own "starting" / "done in" rather than the phase's word. */
export function isRunnerLine(message: string): boolean {
  return message === STARTING || message.startsWith(DONE);
}

/**
 * Runs the phases in order and returns their times in seconds by phase name. `timings` is filled
 * as each phase ends, so a caller that holds it (a lab start's shared context) sees them too.
 */
export async function runPhases(
  phases: readonly Phase[],
  onProgress: (report: PhaseReport) => void,
  signal?: AbortSignal,
  timings: Record<string, number> = {},
): Promise<Record<string, number>> {
  const total = phases.reduce((sum, phase) => sum + phase.weight, 0);
  let done = 0;
  for (const phase of phases) {
    if (signal?.aborted) throw cancelled();
    const started = Date.now();
    // How far into this phase it said it is: never back, never past its end.
    let reached = 0;
    const percent = (): number => Math.round(((done + phase.weight * reached) / total) * 100);
    onProgress({ phase: phase.name, percent: percent(), message: STARTING });
    await phase.run((message, fraction) => {
      if (fraction !== undefined) reached = Math.min(1, Math.max(reached, fraction));
      onProgress({ phase: phase.name, percent: percent(), message });
    });
    reached = 0;
    timings[phase.name] = (Date.now() - started) / 1000;
    done += phase.weight;
    onProgress({
      phase: phase.name,
      percent: percent(),
      message: `${DONE}${timings[phase.name]!.toFixed(1)} s`,
    });
  }
  return timings;
}
