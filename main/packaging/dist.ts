// `npm run dist -- [--with-bundle FILE] [--dry-run] [--skip-build] [electron-builder args…]`:
// installers from electron-builder.yml; `--with-bundle FILE` makes an "instructor-packaged"
// installer. `--dry-run` is for machines that cannot download Electron (this project's CI): it
// runs every step of a real build — the config checked against electron-builder's schema, the
// app into app.asar, node-pty's binary unpacked from it, extraResources — for a Linux `dir`
// target with a stand-in Electron binary, then checks what came out. Everything up to the
// Electron download, in about 20 s.
import { spawnSync } from 'node:child_process';
import { existsSync, readdirSync } from 'node:fs';
import { chmod, mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { basename, join } from 'node:path';
import { parse } from 'yaml';
import { LabError } from '../api/errors.ts';
import { readBundleManifest } from '../bundle/inspect.ts';
import { describeManifest } from '../bundle/manifest.ts';
import { printError } from '../cli/output.ts';
import { appRoot } from '../paths.ts';
import type { BuilderConfig } from './dist-config.ts';
import { distConfig, parseDistArgs } from './dist-config.ts';

function run(command: string, args: string[]): void {
  const result = spawnSync(command, args, { cwd: appRoot(), stdio: 'inherit' });
  if (result.status !== 0)
    throw new LabError(
      'DIST_FAILED',
      `${command} ${args.join(' ')} failed (exit ${result.status}).`,
    );
}

/** A folder that passes for an unpacked Linux Electron, so packaging never downloads one. */
async function fakeElectronDist(): Promise<string> {
  const dir = await mkdtemp(join(tmpdir(), 'kubelab-fake-electron-'));
  await writeFile(
    join(dir, 'electron'),
    '#!/bin/sh\necho "stand-in for Electron (dist --dry-run)"\n',
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

/** What every installer must carry, checked on the unpacked output of the dry run. */
function checkPackagedApp(resources: string, bundle: string | undefined): void {
  const must = (ok: boolean, what: string): void => {
    if (!ok) throw new LabError('DIST_FAILED', `dist --dry-run: missing: ${what}.`);
    console.log(`dist --dry-run: ok: ${what}`);
  };
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
  if (bundle)
    must(
      existsSync(join(resources, 'bundle', basename(bundle))),
      `the workshop bundle as resources/bundle/${basename(bundle)}`,
    );
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
  const config = distConfig(yml, options.bundle);
  if (!options.skipBuild) run('npm', ['run', '-s', 'build']);
  if (!options.dryRun) {
    const file = join(await mkdtemp(join(tmpdir(), 'kubelab-dist-')), 'electron-builder.json');
    await writeFile(file, JSON.stringify(config));
    const cli = join(root, 'node_modules', 'electron-builder', 'cli.js');
    run(process.execPath, [cli, '--config', file, '--publish', 'never', ...options.rest]);
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
    console.log(
      `dist --dry-run: configuration and packaged contents ok (${((Date.now() - started) / 1000).toFixed(1)} s)`,
    );
  } finally {
    await rm(electronDist, { recursive: true, force: true });
    await rm(output, { recursive: true, force: true });
  }
}

main().catch((error: unknown) => {
  printError(error);
  process.exitCode = 1;
});
