// Waits for a long operation (started by any API call that answers { operationId }) to end,
// passing each progress event on. Resolves when it is done, rejects when it failed or was
// cancelled (with the operation's own error, code and fix included, when it sent one). The
// listener is attached before the call that starts it, so no event is missed.
import type { LabClient } from '../../../main/api/client.ts';
import type { Progress } from '../../../main/api/schemas/events.ts';
import { operationError } from './operation-error.ts';

export async function runOperation(
  client: LabClient,
  start: () => Promise<{ operationId: string }>,
  onProgress: (progress: Progress) => void,
): Promise<Progress> {
  let operationId: string | null = null;
  const early: Progress[] = [];
  let settle: ((progress: Progress) => void) | null = null;
  const finished = new Promise<Progress>((resolve) => (settle = resolve));
  const handle = (progress: Progress): void => {
    onProgress(progress);
    if (progress.state !== 'running') settle?.(progress);
  };
  const off = client.on('progress', (progress) => {
    if (operationId === null) early.push(progress);
    else if (progress.operationId === operationId) handle(progress);
  });
  try {
    operationId = (await start()).operationId;
    for (const progress of early) if (progress.operationId === operationId) handle(progress);
    const last = await finished;
    if (last.state !== 'done') throw operationError(last);
    return last;
  } finally {
    off();
  }
}
