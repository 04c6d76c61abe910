// The CPU architecture of the machine the engine runs on, in Node's names (x64, arm64). Lab
// images are built by, and run on, the engine — not the app's Node process: an x64 app under
// Rosetta on Apple silicon talks to an arm64 Docker Desktop VM. A workshop bundle records and
// is checked against this, so it follows the images.
import type Docker from 'dockerode';

/** Docker reports the kernel's names (uname -m); Node uses its own. */
const NODE_NAMES: Record<string, string> = {
  x86_64: 'x64',
  amd64: 'x64',
  aarch64: 'arm64',
  arm64: 'arm64',
  armv7l: 'arm',
  armhf: 'arm',
  ppc64le: 'ppc64',
  s390x: 's390x',
  riscv64: 'riscv64',
};

export function nodeArchName(engineArchitecture: string): string {
  return NODE_NAMES[engineArchitecture] ?? engineArchitecture;
}

/** The engine's architecture; the app's own when the engine does not say. */
export async function engineArch(client: Docker): Promise<string> {
  const info = (await client.info()) as { Architecture?: string };
  return info.Architecture ? nodeArchName(info.Architecture) : process.arch;
}
