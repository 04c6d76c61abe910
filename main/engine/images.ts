// Small image operations several modules need: is it there, follow a stream to its end, save.
import { LabError } from '../api/errors.ts';
import type Docker from 'dockerode';

export async function imageExists(client: Docker, ref: string): Promise<boolean> {
  try {
    await client.getImage(ref).inspect();
    return true;
  } catch {
    return false;
  }
}

/**
 * Waits for a progress stream (import, load, push) to end. The engine reports many failures as
 * an `error` line inside a stream that itself ends normally: those reject too.
 */
export function followToEnd(client: Docker, stream: NodeJS.ReadableStream): Promise<void> {
  return new Promise((resolve, reject) =>
    client.modem.followProgress(stream, (error: Error | null, lines: Array<{ error?: string }>) => {
      const failed = error?.message ?? lines.find((line) => line.error)?.error;
      if (failed) reject(new LabError('ENGINE_FAILED', failed));
      else resolve();
    }),
  );
}

/** `docker save` of several images into one archive (their shared layers once). */
export function saveImages(client: Docker, refs: string[]): Promise<NodeJS.ReadableStream> {
  // dockerode has getImages (GET /images/get?names=…) but its types do not declare it.
  const withGetImages = client as unknown as {
    getImages(opts: { names: string[] }): Promise<NodeJS.ReadableStream>;
  };
  return withGetImages.getImages({ names: refs });
}
