// The base image: lab-images/base/build-rootfs.sh writes a Debian tar to stdout, which we
// `docker import` with the lab's labels. No registry involved.
import { LabError } from '../api/errors.ts';
import type Docker from 'dockerode';
import { join } from 'node:path';
import { followToEnd } from '../engine/images.ts';
import type { BuildLog } from './build-log.ts';
import { spawnGroup } from './spawn-group.ts';

export async function importRootfs(
  client: Docker,
  folder: string,
  ref: string,
  labels: Record<string, string>,
  log: BuildLog,
  signal: AbortSignal,
): Promise<void> {
  const [repo, tag] = ref.split(':') as [string, string];
  const child = spawnGroup('bash', [join(folder, 'build-rootfs.sh')], { signal });
  child.stderr.on('data', (chunk: Buffer) => log.write(chunk.toString()));
  const exited = new Promise<number>((resolve, reject) => {
    child.once('error', reject);
    child.once('exit', (code) => resolve(code ?? 1));
  });
  const changes = [
    ...Object.entries(labels).map(([key, value]) => `LABEL ${key}=${value}`),
    'CMD ["/bin/bash"]',
  ];
  const stream = await client.importImage(child.stdout, { repo, tag, changes });
  await followToEnd(client, stream);
  const code = await exited;
  if (code !== 0) {
    await client
      .getImage(ref)
      .remove()
      .catch(() => undefined);
    throw new LabError('IMAGE_BUILD_FAILED', `build-rootfs.sh exited with ${code}`);
  }
}
