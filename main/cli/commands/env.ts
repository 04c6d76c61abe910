import { basename } from 'node:path';
import type { VerbRun } from '../command.ts';
import { requireEngine } from '../../engine/docker.ts';
import { controlPlane } from '../../lab/config.ts';
import { ensureHostKubectl, hostBinDir } from '../../lab/host-kubectl.ts';
import { hostKubeconfigPath } from '../../lab/kubeconfig.ts';
import { existingLabConfig } from '../../lab/state.ts';
import { ENV_SHELLS, type EnvShell, type envFlags } from '../verbs/env.ts';
import { labName } from './lab-args.ts';

/** The shell the learner is in, as far as $SHELL (or the platform) tells. */
export function defaultShell(shellVar: string | undefined, platform: NodeJS.Platform): EnvShell {
  const name = shellVar ? basename(shellVar) : '';
  const known = ENV_SHELLS.find((shell) => shell === name || `${shell}.exe` === name);
  if (known) return known;
  if (name === 'pwsh' || name === 'pwsh.exe') return 'powershell';
  return platform === 'win32' ? 'powershell' : 'bash';
}

function quote(value: string, shell: EnvShell): string {
  // Single quotes take everything literally in sh, fish and PowerShell; each has its own escape.
  if (shell === 'powershell') return `'${value.replaceAll("'", "''")}'`;
  if (shell === 'fish') return `'${value.replaceAll('\\', '\\\\').replaceAll("'", "\\'")}'`;
  return `'${value.replaceAll("'", `'\\''`)}'`;
}

/** The lines that put `bin` first on PATH and point KUBECONFIG at `kubeconfig`. */
export function envLines(shell: EnvShell, bin: string, kubeconfig: string): string[] {
  switch (shell) {
    case 'fish':
      return [
        `set -gx PATH ${quote(bin, shell)} $PATH`,
        `set -gx KUBECONFIG ${quote(kubeconfig, shell)}`,
      ];
    case 'powershell':
      return [
        `$env:PATH = ${quote(bin, shell)} + [IO.Path]::PathSeparator + $env:PATH`,
        `$env:KUBECONFIG = ${quote(kubeconfig, shell)}`,
      ];
    default:
      return [
        `export PATH=${quote(bin, shell)}:"$PATH"`,
        `export KUBECONFIG=${quote(kubeconfig, shell)}`,
      ];
  }
}

export const run: VerbRun<typeof envFlags> = async ({ values, positionals }) => {
  const lab = labName(values.lab);
  const shell =
    (positionals[0] as EnvShell | undefined) ?? defaultShell(process.env.SHELL, process.platform);
  const config = await existingLabConfig(lab);
  const kubectl = await ensureHostKubectl(await requireEngine(), controlPlane(config).container);
  const lines = envLines(shell, hostBinDir(), hostKubeconfigPath(config));
  // Said on stderr so `eval "$(kubelab env)"` takes only the lines.
  if ('unavailable' in kubectl)
    console.error(
      `kubelab: no kubectl of the lab on this machine (${kubectl.unavailable}); KUBECONFIG still works with your own kubectl`,
    );
  process.stdout.write(`${lines.join('\n')}\n`);
  return 0;
};
