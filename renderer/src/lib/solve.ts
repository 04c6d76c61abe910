// Runs a step's solve in the main process and waits for its operation to end.
import type { LabClient } from '../../../main/api/client.ts';
import { operationError } from './operation-error.ts';

export interface StepRef {
  lab: string;
  scenario: string;
  step: string;
}

export async function solveAndWait(
  client: LabClient,
  ref: StepRef,
  onMessage: (message: string) => void,
): Promise<void> {
  const { operationId } = await client.scenarios.solve(ref);
  await new Promise<void>((resolve, reject) => {
    const off = client.on('progress', (p) => {
      if (p.operationId !== operationId) return;
      onMessage(p.message);
      if (p.state === 'running') return;
      off();
      if (p.state === 'done') resolve();
      else reject(operationError(p, p.state));
    });
  });
}
