import type { VerbRun } from '../command.ts';
import { requireEngine } from '../../engine/docker.ts';
import { listLabs } from '../../lab/labs.ts';
import { bold, dim, humanBytes } from '../output.ts';
import type { labsFlags } from '../verbs/labs.ts';

export function humanAge(createdAt: string | null, now: Date): string {
  if (!createdAt) return '-';
  const seconds = Math.max(0, (now.getTime() - Date.parse(createdAt)) / 1000);
  if (seconds < 120) return `${Math.round(seconds)}s`;
  if (seconds < 7200) return `${Math.round(seconds / 60)}m`;
  if (seconds < 172800) return `${Math.round(seconds / 3600)}h`;
  return `${Math.round(seconds / 86400)}d`;
}

export const run: VerbRun<typeof labsFlags> = async ({ values }) => {
  const labs = await listLabs(await requireEngine(), true);
  if (values.json) {
    console.log(JSON.stringify(labs, null, 2));
    return 0;
  }
  if (!labs.length) {
    console.log('no labs yet: kubelab up creates one');
    return 0;
  }
  const width = Math.max(6, ...labs.map((lab) => lab.name.length + 2));
  console.log(
    bold(`${'NAME'.padEnd(width)}${'NODES'.padEnd(7)}${'STATE'.padEnd(15)}${'AGE'.padEnd(6)}DISK`),
  );
  const now = new Date();
  for (const lab of labs) {
    const disk = lab.diskBytes.folder + (lab.diskBytes.volumes ?? 0);
    console.log(
      `${lab.name.padEnd(width)}${String(lab.nodes).padEnd(7)}${lab.state.padEnd(15)}${humanAge(lab.createdAt, now).padEnd(6)}${humanBytes(disk)} ${dim(`(folder ${humanBytes(lab.diskBytes.folder)}, volumes ${humanBytes(lab.diskBytes.volumes ?? 0)})`)}`,
    );
  }
  return 0;
};
