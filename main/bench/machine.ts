// What the figures were measured on: they mean little without the machine next to them.
import { cpus, freemem, loadavg, release, totalmem } from 'node:os';
import type Docker from 'dockerode';

export interface MachineInfo {
  cpus: number;
  cpuModel: string;
  memoryGiB: number;
  freeMemoryGiB: number;
  kernel: string;
  node: string;
  docker: string | null;
  cgroupVersion: string | null;
  storageDriver: string | null;
  /** 1-minute load average as the bench began: other work on the machine skews the figures. */
  loadAverage: number;
}

export async function machineInfo(client: Docker): Promise<MachineInfo> {
  let info: { ServerVersion?: string; CgroupVersion?: string; Driver?: string } = {};
  try {
    info = (await client.info()) as typeof info;
  } catch {
    // Reported as unknown; the figures that need the engine record their own errors.
  }
  return {
    cpus: cpus().length,
    cpuModel: cpus()[0]?.model.trim() ?? 'unknown',
    memoryGiB: Math.round((totalmem() / 1024 ** 3) * 10) / 10,
    freeMemoryGiB: Math.round((freemem() / 1024 ** 3) * 10) / 10,
    kernel: release(),
    node: process.version,
    docker: info.ServerVersion ?? null,
    cgroupVersion: info.CgroupVersion ?? null,
    storageDriver: info.Driver ?? null,
    loadAverage: Math.round(loadavg()[0]! * 10) / 10,
  };
}
