// Pushing an image the learner's engine holds into the lab registry on loopback: a temporary tag
// under the registry's address, the engine's own push (it compresses the layers), and the tag
// removed again — the image itself and every other tag are left as they were.
import type Docker from 'dockerode';
import { followToEnd } from '../engine/images.ts';

export async function pushEngineImage(
  client: Docker,
  port: number,
  ref: string,
  repository: string,
  tag: string,
): Promise<void> {
  const target = `127.0.0.1:${port}/${repository}`;
  await client.getImage(ref).tag({ repo: target, tag });
  try {
    // The engine insists on an X-Registry-Auth header even for a registry without auth.
    const stream = await client
      .getImage(`${target}:${tag}`)
      .push({ authconfig: {} } as Docker.ImagePushOptions);
    await followToEnd(client, stream);
  } finally {
    await client
      .getImage(`${target}:${tag}`)
      .remove({ noprune: true })
      .catch(() => undefined);
  }
}
