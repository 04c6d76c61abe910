// Follows long operations (image builds, lab start/stop) by kind: catches up on one already
// running (operations:list), then follows its progress events.
import type { LabClient } from '../../../main/api/client.ts';
import type { Progress } from '../../../main/api/schemas/events.ts';

export function followOperations(
  client: LabClient,
  kindPrefix: string,
  onProgress: (progress: Progress) => void,
): () => void {
  const off = client.on('progress', (progress) => {
    if (progress.kind.startsWith(kindPrefix)) onProgress(progress);
  });
  client.operations.list({}).then(
    (all) => {
      const running = all.filter((p) => p.kind.startsWith(kindPrefix) && p.state === 'running');
      const latest = running.at(-1);
      if (latest) onProgress(latest);
    },
    () => undefined,
  );
  return off;
}

export function formatElapsed(ms: number): string {
  const seconds = Math.round(ms / 1000);
  return seconds < 60 ? `${seconds} s` : `${Math.floor(seconds / 60)} min ${seconds % 60} s`;
}
