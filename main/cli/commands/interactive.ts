// `docker exec` with the user's terminal: a TTY when we have one, plain pipes otherwise, and
// the command's exit code passed through. The docker CLI is used when present (it handles raw
// mode and resizes); otherwise dockerode with pipes.
import { spawnSync } from 'node:child_process';
import { docker } from '../../engine/docker.ts';
import { execInContainer } from '../../lab/node-exec.ts';
import { dockerCliEnv } from '../../engine/endpoint.ts';

function hasDockerCli(): boolean {
  return spawnSync('docker', ['--version'], { stdio: 'ignore' }).status === 0;
}

export async function runInteractive(
  container: string,
  command: string[],
  workdir?: string,
): Promise<number> {
  if (hasDockerCli()) {
    const flags = ['exec', '-i', ...(process.stdin.isTTY && process.stdout.isTTY ? ['-t'] : [])];
    if (workdir) flags.push('-w', workdir);
    const result = spawnSync('docker', [...flags, container, ...command], {
      stdio: 'inherit',
      env: dockerCliEnv(),
    });
    return result.status ?? 1;
  }
  const result = await execInContainer(docker(), container, command, workdir ? { workdir } : {});
  process.stdout.write(result.stdout);
  process.stderr.write(result.stderr);
  return result.exitCode;
}
