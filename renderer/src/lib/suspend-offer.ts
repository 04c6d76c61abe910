// Whether to offer suspending the lab: the learner has just left a scenario and the lab still
// has running nodes (a suspended or stopped lab has nothing to save). Pure, for the component.
import type { LabStatusView } from '../../../main/api/schemas/lab.ts';

export function runningNodes(status: LabStatusView | null): number {
  if (!status?.exists) return 0;
  return status.nodes.filter((node) => node.containerState === 'running').length;
}

export function offerSuspend(leftScenario: boolean, status: LabStatusView | null): boolean {
  return leftScenario && runningNodes(status) > 0;
}
