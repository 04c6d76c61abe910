// The learner's own kubectl, carried by every installer: built for each OS/CPU the installer
// targets, at the exact Kubernetes version of the lab's nodes, by the same wrapper module the
// node binaries come from (lab-images/binaries/build-go.sh … kubectl GOOS GOARCH). electron-builder
// copies build/host-kubectl/${os}-${arch}/ to resources/kubectl/ (electron-builder.yml), and
// main/lab/host-kubectl.ts installs it from there into ~/.kubelab/bin.
import { spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { LabError } from '../api/errors.ts';
import { appRoot, cacheDir } from '../paths.ts';

/** electron-builder's names for a target: its ${os} and ${arch} macros. */
export interface KubectlTarget {
  os: 'linux' | 'mac' | 'win';
  arch: 'x64' | 'arm64';
}

const GOOS: Record<KubectlTarget['os'], string> = { linux: 'linux', mac: 'darwin', win: 'windows' };
const GOARCH: Record<KubectlTarget['arch'], string> = { x64: 'amd64', arm64: 'arm64' };
const OS_FLAGS: Record<string, KubectlTarget['os']> = {
  '--linux': 'linux',
  '-l': 'linux',
  '--mac': 'mac',
  '-m': 'mac',
  '--macos': 'mac',
  '--win': 'win',
  '-w': 'win',
  '--windows': 'win',
};
const ARCH_FLAGS: Record<string, KubectlTarget['arch']> = { '--x64': 'x64', '--arm64': 'arm64' };
const HOST_OS: Partial<Record<NodeJS.Platform, KubectlTarget['os']>> = {
  linux: 'linux',
  darwin: 'mac',
  win32: 'win',
};

/**
 * The targets electron-builder will build for the given arguments: its platform flags (none: this
 * machine's) × its architecture flags (none: this machine's), as electron-builder decides.
 */
export function kubectlTargets(
  args: readonly string[],
  platform: NodeJS.Platform,
  arch: string,
): KubectlTarget[] {
  const oses = [...new Set(args.flatMap((arg) => OS_FLAGS[arg] ?? []))];
  const arches = [...new Set(args.flatMap((arg) => ARCH_FLAGS[arg] ?? []))];
  const hostOs = HOST_OS[platform];
  if (!oses.length) {
    if (!hostOs)
      throw new LabError('DIST_FAILED', `Installers cannot be built on ${platform}.`, {
        fix: 'Name the target: npm run dist -- --linux (or --mac, --win).',
      });
    oses.push(hostOs);
  }
  if (!arches.length) {
    if (arch !== 'x64' && arch !== 'arm64')
      throw new LabError('DIST_FAILED', `kubectl is built for x64 and arm64, not ${arch}.`, {
        fix: 'Name the architecture: npm run dist -- --x64 (or --arm64).',
      });
    arches.push(arch);
  }
  return oses.flatMap((os) => arches.map((a) => ({ os, arch: a })));
}

export function hostKubectlFolder(target: KubectlTarget): string {
  return join(appRoot(), 'build', 'host-kubectl', `${target.os}-${target.arch}`);
}

export function kubectlFileName(os: KubectlTarget['os']): string {
  return os === 'win' ? 'kubectl.exe' : 'kubectl';
}

/** Builds (Go's cache makes a rebuild a relink) the kubectl of each target into its folder. */
export function buildHostKubectls(targets: readonly KubectlTarget[]): void {
  const script = join(appRoot(), 'lab-images', 'binaries', 'build-go.sh');
  for (const target of targets) {
    const folder = hostKubectlFolder(target);
    console.log(`kubectl for ${target.os}-${target.arch} → ${folder}`);
    const result = spawnSync(
      'bash',
      [script, folder, 'kubectl', GOOS[target.os], GOARCH[target.arch]],
      {
        stdio: 'inherit',
        env: { ...process.env, KUBELAB_GO_CACHE: join(cacheDir(), 'go') },
      },
    );
    if (result.status !== 0 || !existsSync(join(folder, kubectlFileName(target.os))))
      throw new LabError(
        'DIST_FAILED',
        `Building kubectl for ${target.os}-${target.arch} failed (exit ${result.status}).`,
        { fix: 'Go 1.24 or newer and the Go module proxy are needed; see the output above.' },
      );
  }
}
