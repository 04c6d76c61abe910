// Host-side steps that produce build-context files the container build cannot make itself (no
// network inside `docker build` but Debian's mirror): Go programs from the module proxy, Ghost
// from npm, and the preloaded image archive of the node. Each writes into a staging context
// keyed by the image's content hash, marked complete only at the end — so an interrupted prepare
// is redone, and a finished one is reused.
import { createWriteStream, existsSync } from 'node:fs';
import { cp, mkdir, rm, writeFile } from 'node:fs/promises';
import { basename, join } from 'node:path';
import { pipeline } from 'node:stream/promises';
import type Docker from 'dockerode';
import { saveImages } from '../engine/images.ts';
import { cacheDir } from '../paths.ts';
import type { ImageSpec } from './catalog.ts';
import { imageSpec } from './catalog.ts';
import { imageFolder, imageRef, isBuildOutput } from './hash.ts';
import type { BuildLog } from './build-log.ts';
import { spawnGroup } from './spawn-group.ts';
import { LabError, cancelled } from '../api/errors.ts';

const COMPLETE = '.kubelab-complete';

function run(
  command: string,
  args: string[],
  env: NodeJS.ProcessEnv,
  log: BuildLog,
  signal: AbortSignal,
): Promise<void> {
  return new Promise((resolve, reject) => {
    const child = spawnGroup(command, args, { env: { ...process.env, ...env }, signal });
    child.stdout.on('data', (chunk: Buffer) => log.write(chunk.toString()));
    child.stderr.on('data', (chunk: Buffer) => log.write(chunk.toString()));
    child.once('error', reject);
    child.once('exit', (code) => {
      if (signal.aborted) reject(cancelled());
      else if (code === 0) resolve();
      else
        reject(
          new LabError('IMAGE_BUILD_FAILED', `${command} ${args.join(' ')} exited with ${code}`),
        );
    });
  });
}

/** Images a preload archive carries: saved by their kubelab ref, renamed inside the node. */
async function savePreload(client: Docker, spec: ImageSpec, dir: string): Promise<void> {
  const refs: string[] = [];
  const names: string[] = [];
  for (const input of spec.inputs ?? []) {
    const ref = await imageRef(input);
    refs.push(ref);
    for (const clusterName of imageSpec(input).clusterNames) names.push(`${ref} ${clusterName}`);
  }
  await mkdir(join(dir, 'images'), { recursive: true });
  // One `docker save` of all of them shares their common layers in one archive.
  const archive = await saveImages(client, refs);
  await pipeline(archive, createWriteStream(join(dir, 'images', 'preload.tar')));
  await writeFile(join(dir, 'images', 'names.txt'), names.join('\n') + '\n');
}

/** Returns the build context for the image: its folder, or a prepared staging copy of it. */
export async function prepareContext(
  client: Docker,
  spec: ImageSpec,
  hash: string,
  log: BuildLog,
  signal: AbortSignal,
): Promise<string> {
  const folder = imageFolder(spec);
  if (!spec.prepare) return folder;
  const dir = join(cacheDir(), 'contexts', `${spec.name}-${hash}`);
  if (existsSync(join(dir, COMPLETE))) return dir;
  await rm(dir, { recursive: true, force: true });
  await cp(folder, dir, { recursive: true, filter: (source) => !isBuildOutput(basename(source)) });
  switch (spec.prepare) {
    case 'go-binaries':
      log.step =
        'go build (Kubernetes, then etcd, CoreDNS, local-path-provisioner, containerd, kube-router)';
      await run(
        'bash',
        [join(folder, 'build-go.sh'), join(dir, 'bin')],
        { KUBELAB_GO_CACHE: join(cacheDir(), 'go') },
        log,
        signal,
      );
      break;
    case 'ghost-app':
      log.step = 'npm install ghost (host side)';
      // Lower priority: on a cold build it runs beside the Go compile, which the node image and
      // every component wait for; Ghost has minutes to spare and takes the cores' idle moments.
      await run(
        'nice',
        ['-n', '10', 'bash', join(folder, 'prepare.sh'), join(dir, 'build')],
        {},
        log,
        signal,
      );
      break;
    case 'node-preload':
      log.step = 'docker save of the preloaded images';
      await savePreload(client, spec, dir);
      break;
  }
  await writeFile(join(dir, COMPLETE), new Date().toISOString());
  await pruneOldContexts(spec.name, dir);
  return dir;
}

/** Keep one prepared context per image: older hashes are dead weight (hundreds of MB). */
async function pruneOldContexts(name: string, keep: string): Promise<void> {
  const { readdir } = await import('node:fs/promises');
  const root = join(cacheDir(), 'contexts');
  for (const entry of await readdir(root)) {
    const path = join(root, entry);
    if (
      entry.startsWith(`${name}-`) &&
      path !== keep &&
      /^[0-9a-f]{16}$/.test(entry.slice(name.length + 1))
    ) {
      await rm(path, { recursive: true, force: true });
    }
  }
}
