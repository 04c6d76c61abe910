// What a lab remembers between runs (~/.kubelab/labs/<lab>/lab.json), written atomically.
import { mkdir, readFile, rename, rm, writeFile } from 'node:fs/promises';
import { writeError } from '../write-error.ts';
import { join } from 'node:path';
import { LabError } from '../api/errors.ts';
import { labConfig, labDir } from './config.ts';
import type { LabConfig } from './config.ts';

export interface LabState {
  name: string;
  nodeCount: number;
  subnetIndex: number;
  apiPort: number;
  /** kubeadm bootstrap token (never expires; the lab network is private to this machine). */
  token: string;
  createdAt: string;
  /** True once kubeadm init/join and the add-ons completed: a later `up` is a warm start. */
  bootstrapped: boolean;
  /** Phase timings of the last `up`, seconds. */
  lastUp?: Record<string, number>;
  /** Hash of kubelab's add-on manifest as last applied (actions/addons-current.ts). */
  addonsApplied?: string;
}

const file = (lab: string): string => join(labDir(lab), 'lab.json');

export async function readState(lab: string): Promise<LabState | null> {
  let text: string;
  try {
    text = await readFile(file(lab), 'utf8');
  } catch {
    return null;
  }
  try {
    return JSON.parse(text) as LabState;
  } catch {
    // A corrupt state file is set aside, not fatal: `up` recreates what it describes.
    await rename(file(lab), `${file(lab)}.corrupt-${Date.now()}`);
    return null;
  }
}

export async function writeState(state: LabState): Promise<void> {
  await mkdir(labDir(state.name), { recursive: true });
  const tmp = `${file(state.name)}.tmp-${process.pid}`;
  try {
    await writeFile(tmp, JSON.stringify(state, null, 2));
    await rename(tmp, file(state.name));
  } catch (error) {
    await rm(tmp, { force: true });
    throw writeError(error, `the state of lab "${state.name}"`, file(state.name));
  }
}

/**
 * A created lab's state and the config it describes (its node count and subnet decide the rest),
 * or null when there is no such lab. The one place a config is rebuilt from a state.
 */
export async function readLab(lab: string): Promise<{ state: LabState; config: LabConfig } | null> {
  const state = await readState(lab);
  return state ? { state, config: labConfig(lab, state.nodeCount, state.subnetIndex) } : null;
}

/** The config of a lab that has been created, or NO_LAB with the command that creates it. */
export async function existingLabConfig(lab: string): Promise<LabConfig> {
  const opened = await readLab(lab);
  if (!opened) {
    throw new LabError('NO_LAB', `There is no lab "${lab}".`, {
      fix: `Start it on the Home screen, or with \`kubelab up --lab ${lab}\`.`,
    });
  }
  return opened.config;
}
