// Starting a scenario makes sure the lab has the nodes it needs and, for a scenario started
// fresh, that it is reset (nothing left over from earlier work). Runs in the background while
// the learner reads the introduction; each phase reports through `onProgress`. The reset removes
// the learner's work, so it happens only after a yes.
import type { LabClient } from '../../../main/api/client.ts';
import type { Progress } from '../../../main/api/schemas/events.ts';
import type { LabStatusView } from '../../../main/api/schemas/lab.ts';
import { runOperation } from './wait-operation.ts';

export interface PreparePlan {
  /** Node count to ask `lab:up` for, or null when the lab already runs enough ready nodes. */
  up: number | null;
  reset: boolean;
}

/** Decides what to do: pure, so the rules are tested without a lab. */
export function preparePlan(status: LabStatusView, needed: number, fresh: boolean): PreparePlan {
  const running = status.nodes.filter((n) => n.containerState === 'running' && n.ready === true);
  const healthy = status.exists && running.length === status.nodes.length;
  // Never shrink a bigger lab for a smaller scenario: extra workers do no harm.
  const count = Math.max(needed, status.nodes.length);
  const up = healthy && status.nodes.length >= needed ? null : count;
  // A lab created just now has nothing to reset.
  return { up, reset: fresh && status.exists };
}

export async function prepareLab(
  client: LabClient,
  lab: string,
  needed: number,
  fresh: boolean,
  onProgress: (progress: Progress) => void,
  /** Asked before the reset a fresh start implies; false keeps the lab as it is. */
  confirmReset: () => boolean,
): Promise<void> {
  const plan = preparePlan(await client.lab.status({ lab }), needed, fresh);
  if (plan.up !== null) {
    const nodes = plan.up;
    await runOperation(client, () => client.lab.up({ lab, nodes }), onProgress);
  }
  if (plan.reset && confirmReset()) {
    await runOperation(client, () => client.lab.reset({ lab }), onProgress);
  }
}
