// What solve and setup actions share: how long they may run, how long a wait polls, and how an
// action is named in progress lines and errors.
import type { SetupAction, SolveAction } from '../scenarios/schema.ts';
import { describeCheck } from './describe.ts';

export const RUN_TIMEOUT_MS = 10 * 60_000;
const DEFAULT_WAIT_SECONDS = 120;

type WaitAction = Extract<SolveAction, { wait: unknown }>;

/** How long a wait action polls: its own timeout, else the check's (ready), else 120 s. */
export function waitSeconds(action: WaitAction): number {
  if (action.timeoutSeconds !== undefined) return action.timeoutSeconds;
  return action.wait.type === 'ready' ? action.wait.timeoutSeconds : DEFAULT_WAIT_SECONDS;
}

export function actionLabel(action: SolveAction | SetupAction): string {
  if ('run' in action) return action.run.trim();
  if ('apply' in action)
    return `kubectl apply -f ${action.apply}${action.namespace ? ` -n ${action.namespace}` : ''}`;
  if ('exec' in action)
    return `kubectl exec ${action.in.pod} -- sh -c ${JSON.stringify(action.exec.trim())}`;
  return `wait: ${describeCheck(action.wait)}`;
}
