// The lab registry: Debian's docker-registry on the lab network (alias registry.kubelab), the
// pull mirror every node's containerd uses for docker.io. Its storage is one named volume shared
// by all labs; kubelab pushes each workload image into it once per content hash.
import { mkdir, readFile, writeFile, rename } from 'node:fs/promises';
import { createServer } from 'node:net';
import { join } from 'node:path';
import type Docker from 'dockerode';
import { LabError } from '../api/errors.ts';
import { imageExists, saveImages } from '../engine/images.ts';
import { LAB_LABEL, labLabels } from '../engine/labels.ts';
import { IMAGE_CATALOG } from '../images/catalog.ts';
import type { ImageSpec } from '../images/catalog.ts';
import { pushSavedImages } from '../images/saved-push.ts';
import type { PushTarget } from '../images/saved-push.ts';
import type { ArchiveImage } from '../images/archive-push.ts';
import { manifestDigest } from '../images/registry-http.ts';
import { imageHash, imageRef } from '../images/hash.ts';
import { kubelabHome } from '../paths.ts';
import { registryVolume } from './config.ts';
import { workloadImageNames } from './images-check.ts';
import { fetchWithin } from '../abort-after.ts';
import type { LabConfig } from './config.ts';

export async function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const address = server.address();
      server.close(() => resolve(typeof address === 'object' && address ? address.port : 0));
    });
  });
}

/** The container's inspect, or null when there is none of that name. */
export async function containerState(
  client: Docker,
  name: string,
): Promise<Docker.ContainerInspectInfo | null> {
  try {
    return await client.getContainer(name).inspect();
  } catch {
    return null;
  }
}

export async function ensureRegistry(client: Docker, config: LabConfig): Promise<number> {
  let info = await containerState(client, config.registry.container);
  if (!info) {
    await client.createVolume({ Name: config.registry.volume, Labels: labLabels('registry') });
    const port = await freePort();
    await client.createContainer({
      name: config.registry.container,
      Image: await imageRef('registry'),
      Labels: labLabels('registry', config.name),
      HostConfig: {
        Binds: [`${config.registry.volume}:/var/lib/registry`],
        // Published on loopback so the host's engine can push into it (127.0.0.0/8 is an
        // insecure registry by default: no TLS needed).
        PortBindings: { '5000/tcp': [{ HostIp: '127.0.0.1', HostPort: String(port) }] },
        RestartPolicy: { Name: 'no' },
        NetworkMode: config.network.name,
      },
      ExposedPorts: { '5000/tcp': {} },
      NetworkingConfig: {
        EndpointsConfig: {
          [config.network.name]: {
            IPAMConfig: { IPv4Address: config.registry.ip },
            Aliases: [config.registry.alias],
          },
        },
      },
    });
    info = await containerState(client, config.registry.container);
  }
  if (!info!.State.Running) await client.getContainer(config.registry.container).start();
  info = await containerState(client, config.registry.container);
  const port = Number(info?.NetworkSettings.Ports['5000/tcp']?.[0]?.HostPort);
  await waitForRegistry(port);
  return port;
}

const SCRATCH_REGISTRY = 'kubelab-images-registry';

/**
 * Runs `work` against a registry of its own on loopback, serving the shared registry volume —
 * so images can be added with no lab running — and removes that container afterwards. Each lab's
 * registry serves the same volume, so what is pushed here is in every lab at once.
 */
export async function withScratchRegistry<T>(
  client: Docker,
  work: (base: string, port: number) => Promise<T>,
): Promise<T> {
  await client.createVolume({ Name: registryVolume(), Labels: labLabels('registry') });
  // A scratch registry left over from a run that was killed is ours (by name and label): replace it.
  const leftover = await containerState(client, SCRATCH_REGISTRY);
  if (leftover?.Config.Labels?.[LAB_LABEL] !== undefined)
    await client.getContainer(SCRATCH_REGISTRY).remove({ force: true });
  const port = await freePort();
  const container = await client.createContainer({
    name: SCRATCH_REGISTRY,
    Image: await imageRef('registry'),
    Labels: labLabels('registry'),
    HostConfig: {
      Binds: [`${registryVolume()}:/var/lib/registry`],
      PortBindings: { '5000/tcp': [{ HostIp: '127.0.0.1', HostPort: String(port) }] },
      AutoRemove: false,
    },
    ExposedPorts: { '5000/tcp': {} },
  });
  try {
    await container.start();
    await waitForRegistry(port);
    return await work(`http://127.0.0.1:${port}`, port);
  } finally {
    await container.remove({ force: true }).catch(() => undefined);
  }
}

async function waitForRegistry(port: number): Promise<void> {
  const deadline = Date.now() + 20_000;
  while (Date.now() < deadline) {
    try {
      // Each probe has its own short limit: while the container starts, docker-proxy accepts
      // the connection and its own connect to the container can hang for minutes (a SYN into a
      // network namespace not yet wired), and an unbounded fetch then hung the whole registry
      // phase ("the registry start stalled; trying once more", 60 s lost, seen on cold starts).
      const response = await fetchWithin(`http://127.0.0.1:${port}/v2/`, 2_000);
      await response.body?.cancel();
      if (response.ok) return;
    } catch {
      // not listening yet
    }
    await new Promise((resolve) => setTimeout(resolve, 200));
  }
  throw new LabError('REGISTRY_DOWN', 'The lab registry did not answer within 20 s.', {
    fix: 'Look at `docker logs` of the registry container, then run `kubelab up` again.',
  });
}

/** Which image hashes the shared registry volume already holds, per repository:tag. */
const pushedFile = (): string => join(kubelabHome(), 'registry-pushed.json');

async function readPushed(): Promise<Record<string, string>> {
  try {
    return JSON.parse(await readFile(pushedFile(), 'utf8')) as Record<string, string>;
  } catch {
    return {};
  }
}

/** The catalogue's images the registry serves under cluster names, but for `skip`. */
function mirroredImages(skip: readonly string[]): ImageSpec[] {
  const served = workloadImageNames().filter((name) => !skip.includes(name));
  return IMAGE_CATALOG.filter((spec) => served.includes(spec.name));
}

/**
 * Whether the record says the registry holds this build of every mirrored image but `skip` —
 * without asking the registry (none may run): a fill that finds it so has nothing to do.
 */
export async function recordedAsPushed(skip: readonly string[]): Promise<boolean> {
  const pushed = await readPushed();
  for (const spec of mirroredImages(skip)) {
    const hash = await imageHash(spec.name);
    if (spec.clusterNames.some((clusterName) => pushed[clusterName] !== hash)) return false;
  }
  return true;
}

/** A name an image is pushed under, and the catalog's cluster name it stands for. */
type DueTarget = PushTarget & { clusterName: string };

/**
 * Push every mirrored image the registry lacks (or holds an older build of): the ones due are
 * exported in one `docker save` and streamed into the registry (saved-push.ts).
 */
export async function syncRegistry(
  client: Docker,
  port: number,
  skip: readonly string[],
  onProgress: (message: string) => void,
): Promise<void> {
  const base = `http://127.0.0.1:${port}`;
  const pushed = await readPushed();
  const mirrored = mirroredImages(skip);
  const due: Array<{ name: string; ref: string; hash: string; targets: DueTarget[] }> = [];
  for (const spec of mirrored) {
    const hash = await imageHash(spec.name);
    const targets: DueTarget[] = [];
    for (const clusterName of spec.clusterNames) {
      // docker.io/library/nginx:latest → repository library/nginx, tag latest
      const [repository, tag] = clusterName.replace(/^docker\.io\//, '').split(':') as [
        string,
        string,
      ];
      const held =
        pushed[clusterName] === hash && (await manifestDigest(base, repository, tag)) !== null;
      if (!held) targets.push({ repository, tag, clusterName });
    }
    if (targets.length === 0) continue;
    const ref = await imageRef(spec.name);
    if (!(await imageExists(client, ref))) {
      throw new LabError('IMAGE_MISSING', `The ${spec.name} image (${ref}) is not built.`, {
        fix: `Run \`kubelab images build ${spec.name}\`.`,
      });
    }
    due.push({ name: spec.name, ref, hash, targets });
  }
  if (due.length === 0) return;
  const names = due.map((image) => image.name).join(', ');
  onProgress(`pushing ${names}`);
  // Engines name a saved image by its ref, some with the docker.io/ prefix written out.
  const named = (image: ArchiveImage, ref: string): boolean =>
    (image.RepoTags ?? []).some((tag) => tag.replace(/^docker\.io\//, '') === ref);
  const done = await pushSavedImages(
    await saveImages(
      client,
      due.map((image) => image.ref),
    ),
    base,
    due[0]!.targets[0]!.repository,
    (image) => due.find((d) => named(image, d.ref))?.targets ?? [],
    (layer) => onProgress(`pushing ${names}: ${layer}`),
  );
  for (const image of due) {
    for (const { repository, tag, clusterName } of image.targets) {
      // Recorded only when really pushed: an export that named an image otherwise fails loudly.
      if (!done.has(`${repository}:${tag}`))
        throw new LabError(
          'REGISTRY_PUSH_FAILED',
          `The engine's export did not hold ${image.ref} under that name, so ${repository}:${tag} was not pushed.`,
          { fix: 'Run `kubelab up` again; if it fails the same way, run `kubelab doctor`.' },
        );
      pushed[clusterName] = image.hash;
    }
  }
  await mkdir(kubelabHome(), { recursive: true });
  await writeFile(`${pushedFile()}.tmp`, JSON.stringify(pushed, null, 2));
  await rename(`${pushedFile()}.tmp`, pushedFile());
}
