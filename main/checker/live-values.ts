// The live values a step's text names ({{pod:NAME.ip}}, {{service:NAME.nodePort}}, …), read from
// the learner's lab when the step is shown, so the commands in it can be sent as they are.
import type Docker from 'dockerode';
import type { LiveValues } from '../api/schemas/scenarios.ts';
import type { LoadedScenario } from '../scenarios/load.ts';
import { scanLiveValues } from '../scenarios/templates.ts';
import { findStep, openLab } from './check-step.ts';
import { resolveEach } from './resolve.ts';

/** Each placeholder of the step's Markdown (by its text) with its value or why it has none. */
export async function stepLiveValues(
  client: Docker,
  lab: string,
  loaded: LoadedScenario,
  stepRef: string,
): Promise<LiveValues> {
  const { step } = findStep(loaded, stepRef);
  const refs = scanLiveValues(loaded.markdown[step.id] ?? '').refs;
  if (!refs.length) return {};
  const opened = await openLab(client, lab, loaded.scenario.nodes);
  if ('problem' in opened)
    return Object.fromEntries(refs.map((ref) => [ref.raw, { missing: opened.problem.message }]));
  const values = await resolveEach(opened.ctx, refs);
  return Object.fromEntries(
    [...values].map(([raw, value]) => [raw, typeof value === 'string' ? { value } : value]),
  );
}
