// `npm run dist -- [--with-bundle FILE] [--dry-run] [--skip-build] [electron-builder args…]`:
// installers from electron-builder.yml; `--with-bundle FILE` makes an "instructor-packaged"
// installer. `--dry-run` is for machines that cannot download Electron (this project's CI): it
// runs every step of a real build — the config checked against electron-builder's schema, the
// app into app.asar, node-pty's binary unpacked from it, extraResources — for a Linux `dir`
// target with a stand-in Electron binary, then checks what came out. Everything up to the
// Electron download, in about 20 s.
import { spawnSync } from 'node:child_process';
import { existsSync, readFileSync, readdirSync, statSync } from 'node:fs';
import { chmod, mkdtemp, readFile, rm, symlink, writeFile } from 'node:fs/promises';
import { extractAll } from '@electron/asar';
import { tmpdir } from 'node:os';
import { basename, join } from 'node:path';
import { parse } from 'yaml';
import { LabError } from '../api/errors.ts';
import { readBundleManifest } from '../bundle/inspect.ts';
import { describeManifest } from '../bundle/manifest.ts';
import { printError } from '../cli/output.ts';
import { appRoot } from '../paths.ts';
import type { BuilderConfig } from './dist-config.ts';
import { debScripts, distConfig, parseDistArgs, withDebScripts } from './dist-config.ts';
import { buildHostKubectls, kubectlFileName, kubectlTargets } from './host-kubectl.ts';

function run(command: string, args: string[]): void {
  const result = spawnSync(command, args, { cwd: appRoot(), stdio: 'inherit' });
  if (result.status !== 0)
    throw new LabError(
      'DIST_FAILED',
      `${command} ${args.join(' ')} failed (exit ${result.status}).`,
    );
}

/**
 * A folder that passes for an unpacked Linux Electron, so packaging never downloads one. Asked
 * to run as Node.js (ELECTRON_RUN_AS_NODE=1, how the `kubelab` command uses the app's binary),
 * it is this Node.js — what Electron then is, minus reading inside app.asar (see checkCommand).
 */
async function fakeElectronDist(): Promise<string> {
  const dir = await mkdtemp(join(tmpdir(), 'kubelab-fake-electron-'));
  await writeFile(
    join(dir, 'electron'),
    `#!/bin/sh\n[ "$ELECTRON_RUN_AS_NODE" = 1 ] && exec '${process.execPath}' "$@"\necho "stand-in for Electron (dist --dry-run)"\n`,
  );
  await chmod(join(dir, 'electron'), 0o755);
  await writeFile(join(dir, 'LICENSE'), '');
  await writeFile(join(dir, 'version'), '');
  return dir;
}

function filesUnder(dir: string, prefix = ''): string[] {
  return readdirSync(join(dir, prefix), { withFileTypes: true }).flatMap((entry) => {
    const path = prefix ? `${prefix}/${entry.name}` : entry.name;
    return entry.isDirectory() ? filesUnder(dir, path) : [path];
  });
}

function must(ok: boolean, what: string): void {
  if (!ok) throw new LabError('DIST_FAILED', `dist --dry-run: missing: ${what}.`);
  console.log(`dist --dry-run: ok: ${what}`);
}

/** What every installer must carry, checked on the unpacked output of the dry run. */
function checkPackagedApp(resources: string, bundle: string | undefined): void {
  must(existsSync(join(resources, 'app.asar')), 'app.asar holds the app');
  const unpacked = join(resources, 'app.asar.unpacked');
  const native = existsSync(unpacked)
    ? filesUnder(unpacked).filter((f) => f.endsWith('.node'))
    : [];
  must(
    native.some((file) => file.startsWith('node_modules/@lydell/node-pty')),
    `node-pty's prebuilt binary unpacked from asar (${native.filter((f) => f.includes('node-pty')).join(', ') || 'none'})`,
  );
  const scenarios = join(resources, 'scenarios');
  must(
    existsSync(scenarios) &&
      readdirSync(scenarios).some((id) => existsSync(join(scenarios, id, 'scenario.yaml'))),
    'scenarios as extraResources',
  );
  must(
    existsSync(join(resources, 'lab-images', 'binaries', 'versions.env')),
    'lab-images as extraResources',
  );
  checkKubectl(join(resources, 'kubectl', kubectlFileName('linux')));
  if (bundle)
    must(
      existsSync(join(resources, 'bundle', basename(bundle))),
      `the workshop bundle as resources/bundle/${basename(bundle)}`,
    );
}

/** The carried kubectl runs, and is the version the lab's nodes run. */
function checkKubectl(path: string): void {
  const versions = readFileSync(join(appRoot(), 'lab-images', 'binaries', 'versions.env'), 'utf8');
  const wanted = /^KUBERNETES_VERSION=(\S+)/m.exec(versions)?.[1];
  const result = spawnSync(path, ['version', '--client', '-o', 'json'], { encoding: 'utf8' });
  const found = result.status === 0 ? (JSON.parse(result.stdout) as ClientVersion) : undefined;
  must(
    found?.clientVersion?.gitVersion === wanted,
    `resources/kubectl/kubectl of the lab's version (${wanted}; found ${found?.clientVersion?.gitVersion ?? result.stderr?.trim() ?? 'nothing'})`,
  );
}

interface ClientVersion {
  clientVersion?: { gitVersion?: string };
}

/**
 * The `kubelab` command as a learner runs it after a deb install: through a symbolic link to the
 * launcher, which finds the app's binary and runs the CLI in the app. Plain Node.js cannot read
 * inside app.asar as Electron does, so the archive is first unpacked into `resources/app`, the
 * unpacked form Electron also runs (and the launcher also looks for).
 */
async function checkCommand(unpacked: string): Promise<void> {
  const resources = join(unpacked, 'resources');
  const launcher = join(resources, 'bin', 'kubelab');
  must(
    existsSync(launcher) && (statSync(launcher).mode & 0o111) !== 0,
    'the kubelab command (resources/bin/kubelab, executable)',
  );
  must(existsSync(join(resources, 'bin', 'kubelab.cmd')), 'its Windows form (kubelab.cmd)');
  extractAll(join(resources, 'app.asar'), join(resources, 'app'));
  await rm(join(resources, 'app.asar'));
  const links = await mkdtemp(join(tmpdir(), 'kubelab-dist-path-'));
  try {
    await symlink(launcher, join(links, 'kubelab'));
    const env: NodeJS.ProcessEnv = {
      ...process.env,
      KUBELAB_HOME: links,
      PATH: `${links}:/usr/bin:/bin`,
    };
    delete env.KUBELAB_APP_ROOT;
    const kubelab = (args: string[]): string => {
      const result = spawnSync('kubelab', args, { env, encoding: 'utf8', cwd: links });
      if (result.status !== 0)
        throw new LabError(
          'DIST_FAILED',
          `dist --dry-run: \`kubelab ${args.join(' ')}\` failed (exit ${result.status}): ${result.stderr}`,
        );
      return result.stdout;
    };
    const version = kubelab(['version']).trim();
    must(/^kubelab \d/.test(version), `\`kubelab version\` through a link on PATH: ${version}`);
    const listed = JSON.parse(kubelab(['scenarios', '--json'])) as { scenarios: { id: string }[] };
    const ids = listed.scenarios.map((scenario) => scenario.id);
    must(
      ids.length > 0 && ids.every((id) => existsSync(join(resources, 'scenarios', id))),
      `\`kubelab scenarios\` reads the installed scenarios (${ids.length})`,
    );
  } finally {
    await rm(links, { recursive: true, force: true });
  }
}

/** electron-builder's deb scripts with the command's link added, as files (see debScripts). */
async function writeDebScripts(
  dir: string,
): Promise<{ afterInstall: string; afterRemove: string }> {
  const templates = join(appRoot(), 'node_modules', 'app-builder-lib', 'templates', 'linux');
  const scripts = debScripts(
    await readFile(join(templates, 'after-install.tpl'), 'utf8'),
    await readFile(join(templates, 'after-remove.tpl'), 'utf8'),
  );
  const files = {
    afterInstall: join(dir, 'after-install.sh'),
    afterRemove: join(dir, 'after-remove.sh'),
  };
  await writeFile(files.afterInstall, scripts.afterInstall);
  await writeFile(files.afterRemove, scripts.afterRemove);
  for (const file of Object.values(files)) run('bash', ['-n', file]);
  return files;
}

async function main(): Promise<void> {
  const options = parseDistArgs(process.argv.slice(2));
  const root = appRoot();
  const yml = parse(await readFile(join(root, 'electron-builder.yml'), 'utf8')) as BuilderConfig;
  if (options.bundle) {
    if (!existsSync(options.bundle))
      throw new LabError('NO_FILE', `--with-bundle ${options.bundle}: there is no such file.`, {
        fix: 'kubelab bundle create FILE makes one.',
      });
    console.log(describeManifest(await readBundleManifest(options.bundle)));
  }
  const scriptsDir = await mkdtemp(join(tmpdir(), 'kubelab-deb-scripts-'));
  const config = withDebScripts(distConfig(yml, options.bundle), await writeDebScripts(scriptsDir));
  if (!options.skipBuild) run('npm', ['run', '-s', 'build']);
  // The dry run packages a Linux folder for this machine's CPU, so that is the kubectl it needs.
  buildHostKubectls(
    options.dryRun
      ? kubectlTargets(['--linux'], process.platform, process.arch)
      : kubectlTargets(options.rest, process.platform, process.arch),
  );
  if (!options.dryRun) {
    const file = join(await mkdtemp(join(tmpdir(), 'kubelab-dist-')), 'electron-builder.json');
    await writeFile(file, JSON.stringify(config));
    const cli = join(root, 'node_modules', 'electron-builder', 'cli.js');
    try {
      run(process.execPath, [cli, '--config', file, '--publish', 'never', ...options.rest]);
    } finally {
      await rm(scriptsDir, { recursive: true, force: true });
    }
    return;
  }
  const { build, Platform } = await import('electron-builder');
  const electronDist = await fakeElectronDist();
  const output = await mkdtemp(join(tmpdir(), 'kubelab-dist-dry-'));
  const started = Date.now();
  try {
    await build({
      projectDir: root,
      targets: Platform.LINUX.createTarget('dir'),
      publish: 'never',
      config: { ...config, electronDist, directories: { ...config.directories, output } },
    });
    checkPackagedApp(join(output, 'linux-unpacked', 'resources'), options.bundle);
    await checkCommand(join(output, 'linux-unpacked'));
    console.log(
      `dist --dry-run: configuration and packaged contents ok (${((Date.now() - started) / 1000).toFixed(1)} s)`,
    );
  } finally {
    await rm(electronDist, { recursive: true, force: true });
    await rm(output, { recursive: true, force: true });
    await rm(scriptsDir, { recursive: true, force: true });
  }
}

main().catch((error: unknown) => {
  printError(error);
  process.exitCode = 1;
});
