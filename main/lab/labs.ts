// Every lab on this machine, as `kubelab labs` lists it: those with a folder under
// ~/.kubelab/labs and those whose labelled containers the engine still has (a folder deleted by
// hand leaves containers that only the label finds).
import { lstat, readdir } from 'node:fs/promises';
import { join } from 'node:path';
import type Docker from 'dockerode';
import { LAB_LABEL, LAB_NAME_LABEL, LAB_ROLE_LABEL } from '../engine/labels.ts';
import { kubelabHome } from '../paths.ts';
import { labDir } from './config.ts';
import { readState } from './state.ts';

/** What the node containers are doing, summed up; 'mixed' when they disagree. */
export type LabRunState = 'running' | 'paused' | 'stopped' | 'mixed' | 'no containers';

export interface LabSummary {
  name: string;
  nodes: number;
  state: LabRunState;
  createdAt: string | null;
  /** Bytes in the lab's folder (learners' files, kubeconfig, progress) and its Docker volumes. */
  diskBytes: { folder: number; volumes: number | null };
}

export function runState(containerStates: readonly string[]): LabRunState {
  if (!containerStates.length) return 'no containers';
  const summed = new Set(
    containerStates.map((state) =>
      state === 'running' ? 'running' : state === 'paused' ? 'paused' : 'stopped',
    ),
  );
  return summed.size === 1 ? ([...summed][0] as LabRunState) : 'mixed';
}

/** Bytes of the regular files under a folder (symlinks not followed); 0 when it is not there. */
export async function folderBytes(path: string): Promise<number> {
  let entries;
  try {
    entries = await readdir(path, { withFileTypes: true });
  } catch {
    return 0;
  }
  let total = 0;
  for (const entry of entries) {
    const child = join(path, entry.name);
    if (entry.isDirectory()) total += await folderBytes(child);
    else if (entry.isFile()) total += (await lstat(child).catch(() => ({ size: 0 }))).size;
  }
  return total;
}

async function labFolders(): Promise<string[]> {
  const entries = await readdir(join(kubelabHome(), 'labs'), { withFileTypes: true }).catch(
    () => [],
  );
  return entries.filter((entry) => entry.isDirectory()).map((entry) => entry.name);
}

/** Every lab, by name. `withVolumes` asks the engine for volume sizes (a slower call). */
export async function listLabs(client: Docker, withVolumes: boolean): Promise<LabSummary[]> {
  const containers = await client.listContainers({
    all: true,
    filters: { label: [LAB_LABEL, LAB_NAME_LABEL, `${LAB_ROLE_LABEL}=node`] },
  });
  const states = new Map<string, string[]>();
  for (const container of containers) {
    const lab = container.Labels[LAB_NAME_LABEL];
    if (lab) states.set(lab, [...(states.get(lab) ?? []), container.State]);
  }
  const volumeBytes = new Map<string, number>();
  if (withVolumes) {
    const usage = (await client.df()) as {
      Volumes?: { Labels?: Record<string, string> | null; UsageData?: { Size: number } }[];
    };
    for (const volume of usage.Volumes ?? []) {
      const lab = volume.Labels?.[LAB_NAME_LABEL];
      if (lab && volume.Labels?.[LAB_LABEL] !== undefined)
        volumeBytes.set(
          lab,
          (volumeBytes.get(lab) ?? 0) + Math.max(0, volume.UsageData?.Size ?? 0),
        );
    }
  }
  const names = [...new Set([...(await labFolders()), ...states.keys()])].sort();
  const labs: LabSummary[] = [];
  for (const name of names) {
    const state = await readState(name);
    // A folder without lab.json and without containers is not a lab (e.g. a leftover of a purge).
    if (!state && !states.has(name)) continue;
    const nodeStates = states.get(name) ?? [];
    labs.push({
      name,
      nodes: state?.nodeCount ?? nodeStates.length,
      state: runState(nodeStates),
      createdAt: state?.createdAt ?? null,
      diskBytes: {
        folder: await folderBytes(labDir(name)),
        volumes: withVolumes ? (volumeBytes.get(name) ?? 0) : null,
      },
    });
  }
  return labs;
}
