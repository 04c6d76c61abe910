// Lab starts as the learner feels them: wall-clock time of `kubelab up` (labUp in-process) until
// every node is Ready and CoreDNS answers, with the phase timings labUp reports.
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import type Docker from 'dockerode';
import { labDown } from '../lab/down.ts';
import { isRunnerLine } from '../lab/phases.ts';
import { labUp } from '../lab/up.ts';
import { kubelabHome } from '../paths.ts';
import type { StartProfile } from './report.ts';

export interface StartSample extends StartProfile {
  seconds: number;
  /** The start pushed workload images into the shared registry (first lab after a build). */
  pushedImages: boolean;
}

export const PREFLIGHT = 'pre-flight';

/** The registry's record of pushed image hashes (main/lab/registry.ts keeps it there). */
async function registryRecord(): Promise<string> {
  return readFile(join(kubelabHome(), 'registry-pushed.json'), 'utf8').catch(() => '');
}

export async function timedUp(
  client: Docker,
  lab: string,
  nodes: number,
  expected: 'cold' | 'warm' | 'resume',
  signal: AbortSignal,
): Promise<StartSample> {
  const pushedBefore = await registryRecord();
  const said: Record<string, string> = {};
  const started = performance.now();
  const result = await labUp(client, {
    lab,
    nodes,
    signal,
    // The phase runner's own lines say nothing of what a phase waited on.
    onProgress: (report) => {
      if (!isRunnerLine(report.message)) said[report.phase] = report.message;
    },
  });
  const seconds = (performance.now() - started) / 1000;
  // A warm start that turned into a rebuild (or the reverse) would be the wrong figure.
  if (result.start !== expected) {
    throw new Error(
      `lab "${lab}" made a ${result.start} start where a ${expected} one was measured`,
    );
  }
  // What labUp does before its first phase (engine status, node-mode probe, image checks, lab
  // state) is not in its timings: shown as its own row so the phases add up to the figure.
  const inPhases = Object.values(result.timings).reduce((sum, s) => sum + s, 0);
  return {
    seconds,
    phases: { [PREFLIGHT]: Math.max(0, seconds - inPhases), ...result.timings },
    said,
    pushedImages: (await registryRecord()) !== pushedBefore,
  };
}

/** Stops the nodes (state kept), so the next `up` is a warm start. */
export async function stopLab(client: Docker, lab: string): Promise<void> {
  await labDown(client, { lab, purge: false, data: false });
}

/** Removes the lab's containers, volumes, network and folders: the bench leaves nothing behind. */
export async function purgeLab(client: Docker, lab: string): Promise<void> {
  await labDown(client, { lab, purge: true, data: true });
}
