import { execFileSync } from 'node:child_process';
import { existsSync, readlinkSync } from 'node:fs';
import { chmod, mkdir, mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { CommandPlace } from './cli-command.ts';
import { appImageScript, commandPlan, commandStatus, installCommand } from './cli-command.ts';

const place = (over: Partial<CommandPlace>): CommandPlace => ({
  platform: 'darwin',
  resources: '/Applications/kubelab.app/Contents/Resources',
  appImage: undefined,
  home: '/Users/ada',
  pathEnv: '/usr/local/bin:/usr/bin:/bin',
  writable: () => true,
  ...over,
});

describe('what the app offers to install', () => {
  it('on macOS: a link in /usr/local/bin to the launcher in the app', () => {
    expect(commandPlan(place({}))).toEqual({
      kind: 'link',
      path: '/usr/local/bin/kubelab',
      target: '/Applications/kubelab.app/Contents/Resources/bin/kubelab',
    });
  });

  it('on macOS without write access there: in ~/.local/bin, and says that is not on PATH', () => {
    const here = place({ writable: (dir) => dir !== '/usr/local/bin' });
    expect(commandPlan(here)).toMatchObject({ path: '/Users/ada/.local/bin/kubelab' });
    expect(commandStatus(here).offer).toEqual({
      path: '/Users/ada/.local/bin/kubelab',
      kind: 'link',
      folderOnPath: false,
    });
  });

  it('from an AppImage: a script naming the image, in ~/.local/bin', () => {
    const plan = commandPlan(
      place({
        platform: 'linux',
        resources: '/tmp/.mount_kubeXY/resources',
        appImage: "/home/ada/Apps/kube'lab.AppImage",
        home: '/home/ada',
      }),
    );
    expect(plan).toMatchObject({ kind: 'script', path: '/home/ada/.local/bin/kubelab' });
    expect(plan?.kind === 'script' && plan.content).toContain(
      `image='/home/ada/Apps/kube'\\''lab.AppImage'`,
    );
  });

  it('nothing where an installer did it (deb, Windows) or in a source checkout', () => {
    expect(
      commandPlan(place({ platform: 'linux', resources: '/opt/kubelab/resources' })),
    ).toBeNull();
    expect(
      commandPlan(place({ platform: 'win32', resources: 'C:\\kubelab\\resources' })),
    ).toBeNull();
    expect(commandPlan(place({ resources: null }))).toBeNull();
  });
});

describe('installing it (real files in a temporary home)', () => {
  let home: string;
  beforeEach(async () => {
    home = await mkdtemp(join(tmpdir(), 'kubelab-command-'));
  });
  afterEach(() => rm(home, { recursive: true, force: true }));

  const mac = (): CommandPlace =>
    place({
      home,
      pathEnv: '/usr/bin',
      writable: () => false,
      resources: '/Applications/kubelab.app/Contents/Resources',
    });

  it('links the launcher, and says which PATH line to add', async () => {
    const done = await installCommand(mac());
    expect(readlinkSync(join(home, '.local', 'bin', 'kubelab'))).toBe(
      '/Applications/kubelab.app/Contents/Resources/bin/kubelab',
    );
    expect(done.message).toContain(`export PATH="${join(home, '.local', 'bin')}:$PATH"`);
  });

  it('replaces its own link, never a file of the learner', async () => {
    await installCommand(mac());
    await expect(installCommand(mac())).resolves.toMatchObject({
      path: join(home, '.local', 'bin', 'kubelab'),
    });
    await rm(join(home, '.local', 'bin', 'kubelab'));
    await writeFile(join(home, '.local', 'bin', 'kubelab'), '#!/bin/sh\necho mine\n');
    await expect(installCommand(mac())).rejects.toMatchObject({ code: 'COMMAND_PATH_TAKEN' });
    expect(await readFile(join(home, '.local', 'bin', 'kubelab'), 'utf8')).toContain('echo mine');
  });

  it('refuses where nothing is offered, with the way that works there', async () => {
    await expect(installCommand(place({ resources: null, home }))).rejects.toMatchObject({
      code: 'COMMAND_NOT_OFFERED',
    });
  });
});

describe("the AppImage's command, run by a real shell", () => {
  let dir: string;
  beforeEach(async () => {
    dir = await mkdtemp(join(tmpdir(), 'kubelab-appimage-'));
  });
  afterEach(() => rm(dir, { recursive: true, force: true }));

  // A stand-in for the AppImage runtime: `--appimage-mount` prints a mounted tree and waits,
  // as the runtime does; the tree's binary runs as Node.js when ELECTRON_RUN_AS_NODE=1, as the
  // app's Electron does (app.asar is a plain folder here: Node.js cannot read an archive).
  async function standIn(): Promise<string> {
    const mounted = join(dir, 'mounted');
    await mkdir(join(mounted, 'resources', 'app.asar', 'out', 'cli'), { recursive: true });
    await writeFile(
      join(mounted, 'resources', 'app.asar', 'out', 'cli', 'index.js'),
      'console.log(JSON.stringify({ args: process.argv.slice(2), node: process.env.ELECTRON_RUN_AS_NODE }));',
    );
    await writeFile(
      join(mounted, 'kubelab-desktop'),
      `#!/bin/sh\n[ "$ELECTRON_RUN_AS_NODE" = 1 ] && exec '${process.execPath}' "$@"\nexit 9\n`,
    );
    const image = join(dir, 'kubelab.AppImage');
    await writeFile(
      image,
      `#!/bin/sh\n[ "$1" = --appimage-mount ] || exit 8\necho '${mounted}'\necho $$ > '${dir}/runtime.pid'\nexec sleep 60\n`,
    );
    await chmod(join(mounted, 'kubelab-desktop'), 0o755);
    await chmod(image, 0o755);
    const script = join(dir, 'kubelab');
    await writeFile(script, appImageScript(image));
    await chmod(script, 0o755);
    return script;
  }

  it('mounts the image, runs the CLI in it with every argument, and unmounts', async () => {
    const script = await standIn();
    const out = execFileSync(script, ['up', '--lab', 'a b', '--help'], { encoding: 'utf8' });
    expect(JSON.parse(out)).toEqual({ args: ['up', '--lab', 'a b', '--help'], node: '1' });
    const pid = Number(await readFile(join(dir, 'runtime.pid'), 'utf8'));
    // The runtime (our `sleep`) is gone once its SIGTERM lands: `kill -0` fails for it.
    const alive = (): boolean => {
      try {
        process.kill(pid, 0);
        return true;
      } catch {
        return false;
      }
    };
    await expect.poll(alive, { timeout: 3000, interval: 50 }).toBe(false);
  });

  it('says what to do when the image is gone', async () => {
    const script = join(dir, 'kubelab');
    await writeFile(script, appImageScript(join(dir, 'moved.AppImage')));
    await chmod(script, 0o755);
    expect(() => execFileSync(script, ['version'], { encoding: 'utf8', stdio: 'pipe' })).toThrow(
      /moved\.AppImage is gone or not executable; open the kubelab AppImage and install the command again/,
    );
    expect(existsSync(join(dir, 'runtime.pid'))).toBe(false);
  });
});
