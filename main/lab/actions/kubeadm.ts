// Running kubeadm in a node: its full output goes to the lab's logs folder, a failure becomes
// BOOTSTRAP_FAILED with the last lines and the way out.
import { mkdir, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import type Docker from 'dockerode';
import { LabError } from '../../api/errors.ts';
import type { LabConfig, NodeSpec } from '../config.ts';
import { execInContainer } from '../node-exec.ts';

async function logTo(config: LabConfig, name: string, text: string): Promise<void> {
  await mkdir(join(config.dir, 'logs'), { recursive: true });
  await writeFile(join(config.dir, 'logs', name), text);
}

export async function kubeadmRun(
  client: Docker,
  config: LabConfig,
  node: NodeSpec,
  what: string,
  args: string[],
): Promise<void> {
  const result = await execInContainer(client, node.container, ['kubeadm', ...args, '-v=1']);
  await logTo(config, `kubeadm-${what}-${node.name}.log`, result.stdout + result.stderr);
  if (result.exitCode !== 0) {
    const tail = (result.stderr || result.stdout).trim().split('\n').slice(-12).join('\n');
    throw new LabError('BOOTSTRAP_FAILED', `kubeadm ${what} failed on ${node.name}:\n${tail}`, {
      fix: `The full output is in ${join(config.dir, 'logs')}. Run \`kubelab up\` again: an unfinished lab is rebuilt from scratch (your data folders are kept).`,
    });
  }
}
