// Before the first action, and not one itself (untimed: the bench shows it as the remainder,
// "pre-flight"): the engine is usable, the lab's images exist, and the lab's state and Docker
// objects decide what kind of start this is and the context every action shares.
import { randomBytes } from 'node:crypto';
import type Docker from 'dockerode';
import { LabError } from '../../api/errors.ts';
import type { NodeMode } from '../../engine/node-mode.ts';
import { engineStatus } from '../../engine/status.ts';
import { imageRef } from '../../images/hash.ts';
import type { LabConfig } from '../config.ts';
import { controlPlane, labConfig } from '../config.ts';
import { findNodes } from '../discover.ts';
import { requireLabImages } from '../images-check.ts';
import { freePort } from '../registry.ts';
import { readState } from '../state.ts';
import type { LabState } from '../state.ts';
import { pickSubnetIndex } from '../subnet-pick.ts';
import type { StartKind, UpContext } from './action.ts';

/**
 * Resume when every wanted node is there and paused (suspended). Warm only when kubeadm finished on this lab before (`bootstrapped`) and its control-plane
 * container is still there; anything else is rebuilt from scratch. A warm start whose workers
 * differ from the wanted ones (one removed, or a changed --nodes) is a repair.
 */
export function startKind(
  previous: Pick<LabState, 'bootstrapped'> | null,
  found: ReadonlySet<string>,
  config: LabConfig,
  paused: ReadonlySet<string> = new Set(),
): StartKind {
  if (previous?.bootstrapped !== true || !found.has(controlPlane(config).name)) return 'cold';
  const wanted = config.nodes.map((node) => node.name);
  const same = found.size === wanted.length && wanted.every((name) => found.has(name));
  if (!same) return 'repair';
  // Every node frozen by `kubelab suspend`: thawing them is all a start has to do.
  return wanted.every((name) => paused.has(name)) ? 'resume' : 'warm';
}

export type Preflight = Omit<UpContext, 'onProgress' | 'signal' | 'timings' | 'background'>;

export async function preflight(
  client: Docker,
  lab: string,
  nodes: number | undefined,
): Promise<Preflight> {
  const engine = await engineStatus(client);
  if (!engine.reachable || engine.problem) {
    throw new LabError(
      'ENGINE_UNUSABLE',
      engine.problem?.message ?? 'The Docker engine is not usable.',
      {
        fix: engine.problem?.fix ?? 'Run `kubelab doctor`.',
      },
    );
  }
  const mode = engine.nodeMode as NodeMode;
  const missingWorkloads = await requireLabImages(client);
  const previous = await readState(lab);
  const found = await findNodes(client, lab);
  const nodeCount = nodes ?? previous?.nodeCount ?? 1;
  const subnetIndex = previous?.subnetIndex ?? (await pickSubnetIndex(client, lab));
  const config = labConfig(lab, nodeCount, subnetIndex);
  const paused = new Set(
    [...found.values()].filter((n) => n.state === 'paused').map((n) => n.name),
  );
  const kind = startKind(previous, new Set(found.keys()), config, paused);
  const state: LabState =
    previous && kind !== 'cold'
      ? { ...previous, nodeCount }
      : {
          name: lab,
          nodeCount,
          subnetIndex,
          apiPort: await freePort(),
          token: `${randomBytes(3).toString('hex')}.${randomBytes(8).toString('hex')}`,
          createdAt: new Date().toISOString(),
          bootstrapped: false,
        };
  const nodeOptions = {
    image: await imageRef('node'),
    mode,
    cgroupVersion: engine.cgroupVersion,
  };
  return { client, config, kind, state, found, missingWorkloads, nodeOptions };
}
