// `kubelab export logs`: what someone helping a learner needs to see why a lab misbehaves, in one
// folder — each node's kubelab-init, containerd and kubelet logs and every pod's container logs
// (copied from the node containers, stopped ones too), the cluster's events, the lab's state and
// its status. Read-only for the lab.
import { mkdir, readFile, writeFile } from 'node:fs/promises';
import { createWriteStream } from 'node:fs';
import { dirname, isAbsolute, join, sep } from 'node:path';
import type { Readable } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import type Docker from 'dockerode';
import { LabError } from '../api/errors.ts';
import { eachEntry } from '../images/bundle.ts';
import { kubectl } from './cluster.ts';
import { labDir } from './config.ts';
import { findNodes } from './discover.ts';
import { labStatus } from './status.ts';
import { existingLabConfig } from './state.ts';

/** Folders copied out of every node. */
export const NODE_LOG_FOLDERS = ['/var/log/kubelab', '/var/log/pods'] as const;

export interface ExportResult {
  dir: string;
  files: number;
  /** What could not be read, each with why (a node gone, the API down…). */
  skipped: string[];
}

/**
 * Where a tar entry goes under `root`, or null for what is not written: links, devices, and
 * any path that would leave `root` (`..`, absolute). Only regular files and folders are kept.
 */
export function entryTarget(root: string, name: string): string | null {
  if (isAbsolute(name)) return null;
  const target = join(root, name);
  return target.startsWith(root + sep) ? target : null;
}

async function copyFolder(
  client: Docker,
  container: string,
  path: string,
  into: string,
): Promise<number> {
  const archive = (await client.getContainer(container).getArchive({ path })) as Readable;
  let files = 0;
  await eachEntry(archive, async (name, entry) => {
    const type = (entry as Readable & { header?: { type?: string } }).header?.type;
    const target = entryTarget(into, name);
    if (!target || (type !== 'file' && type !== 'directory')) return void entry.resume();
    if (type === 'directory') {
      await mkdir(target, { recursive: true });
      return void entry.resume();
    }
    await mkdir(dirname(target), { recursive: true });
    await pipeline(entry, createWriteStream(target));
    files++;
  });
  return files;
}

export async function exportLogs(client: Docker, lab: string, dir: string): Promise<ExportResult> {
  const config = await existingLabConfig(lab);
  await mkdir(dir, { recursive: true });
  const result: ExportResult = { dir, files: 0, skipped: [] };
  const write = async (name: string, text: string): Promise<void> => {
    await writeFile(join(dir, name), text);
    result.files++;
  };
  const found = await findNodes(client, lab);
  for (const node of config.nodes) {
    const container = found.get(node.name);
    if (!container) {
      result.skipped.push(`node ${node.name}: its container is gone`);
      continue;
    }
    for (const folder of NODE_LOG_FOLDERS) {
      try {
        result.files += await copyFolder(
          client,
          container.id,
          folder,
          join(dir, 'nodes', node.name),
        );
      } catch (error) {
        result.skipped.push(
          `${node.name}:${folder}: ${error instanceof Error ? error.message : String(error)}`,
        );
      }
    }
  }
  const state = await readFile(join(labDir(lab), 'lab.json'), 'utf8').catch(() => null);
  if (state !== null) await write('lab.json', state);
  await write('status.json', `${JSON.stringify(await labStatus(client, lab), null, 2)}\n`);
  const events = await kubectl(client, config, [
    'get',
    'events',
    '-A',
    '-o',
    'wide',
    '--sort-by=.lastTimestamp',
  ]).catch((error: unknown) => ({ exitCode: 1, stdout: '', stderr: String(error) }));
  if (events.exitCode === 0) await write('events.txt', events.stdout);
  else result.skipped.push(`events: ${events.stderr.trim().split('\n')[0] ?? 'kubectl failed'}`);
  if (result.files === 0)
    throw new LabError('EXPORT_EMPTY', `Nothing of lab "${lab}" could be read.`, {
      fix: `Check its containers with \`kubelab status --lab ${lab}\`.`,
    });
  return result;
}
