// `kubelab down`: stop a lab (state kept for a warm start) or, with purge, remove every Docker
// object that carries its label. Learner data folders go only with purge + data.
import { LabError } from '../api/errors.ts';
import { rm } from 'node:fs/promises';
import type Docker from 'dockerode';
import { labDir } from './config.ts';
import { labObjects } from './discover.ts';
import { contextName, removeLabKubeconfig } from './kubeconfig-file.ts';
import { withLabLock } from './lock.ts';

export interface DownOptions {
  lab: string;
  purge: boolean;
  data: boolean;
}

export interface DownResult {
  stopped: string[];
  removed: string[];
  dataDeleted: boolean;
}

export async function labDown(client: Docker, options: DownOptions): Promise<DownResult> {
  if (options.data && !options.purge) {
    throw new LabError(
      'BAD_ARGUMENT',
      '--data only goes with --purge (kubelab down --purge --data): stopping a lab never deletes data.',
      { fix: 'Add --purge to remove the lab as well, or leave out --data.' },
    );
  }
  return withLabLock(options.lab, 'kubelab down', async () => {
    const objects = await labObjects(client, options.lab);
    const result: DownResult = { stopped: [], removed: [], dataDeleted: false };
    await Promise.all(
      objects.containers.map(async (container) => {
        const name = (container.Names[0] ?? container.Id).replace(/^\//, '');
        if (options.purge) {
          await client.getContainer(container.Id).remove({ force: true });
          result.removed.push(name);
        } else if (container.State === 'running' || container.State === 'paused') {
          // A suspended node is thawed first: frozen, it could not take the SIGTERM.
          if (container.State === 'paused') await client.getContainer(container.Id).unpause();
          // Give kubelet and containerd a moment to stop cleanly (SIGTERM via catatonit).
          await client.getContainer(container.Id).stop({ t: 10 });
          result.stopped.push(name);
        }
      }),
    );
    if (options.purge) {
      for (const volume of objects.volumes) {
        await client.getVolume(volume).remove();
        result.removed.push(`volume ${volume}`);
      }
      for (const network of objects.networks) {
        await client.getNetwork(network.Id).remove();
        result.removed.push(`network ${network.Name}`);
      }
      // The lab's state goes; its learner data only when asked.
      const dir = labDir(options.lab);
      if (options.data) {
        await rm(dir, { recursive: true, force: true });
        result.dataDeleted = true;
      } else {
        await rm(`${dir}/lab.json`, { force: true });
        await rm(`${dir}/kubeconfig`, { force: true });
      }
      // The context `kubelab kubeconfig --merge` added points at a cluster that is gone now.
      // A kubeconfig kubelab cannot edit safely is left as it is: the purge itself succeeded.
      if (await removeLabKubeconfig(options.lab).catch(() => false)) {
        result.removed.push(`kubeconfig context ${contextName(options.lab)}`);
      }
    }
    return result;
  });
}
