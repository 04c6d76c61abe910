// Drills against the machine under the lab rather than the lab itself: a full disk while the
// learner's progress is saved, a damaged workshop bundle, and the Docker engine restarted under a
// running lab. Each needs root on Linux (a tmpfs mount, the engine's own process); elsewhere it
// says so and passes nothing off as proven.
import { execFileSync, spawn } from 'node:child_process';
import { existsSync, openSync, readFileSync } from 'node:fs';
import { mkdir, readFile, readdir, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { LabError } from '../api/errors.ts';
import { engineEndpoint } from '../engine/endpoint.ts';
import { labStatus } from '../lab/status.ts';
import { labUp } from '../lab/up.ts';
import { markStepPassed, progressFile, readProgress } from '../learner/progress.ts';
import { kubelabHome } from '../paths.ts';
import { imageInventory } from '../images/inventory.ts';
import type { Drill } from './drill-helpers.ts';
import { cli, fail, healthy } from './drill-helpers.ts';

const rootOnLinux = process.platform === 'linux' && process.getuid?.() === 0;

async function withHome<T>(home: string, work: () => Promise<T>): Promise<T> {
  const saved = process.env.KUBELAB_HOME;
  process.env.KUBELAB_HOME = home;
  try {
    return await work();
  } finally {
    if (saved === undefined) delete process.env.KUBELAB_HOME;
    else process.env.KUBELAB_HOME = saved;
  }
}

/** Fills the filesystem of `dir` to the last byte. */
function fill(dir: string): void {
  try {
    execFileSync('dd', ['if=/dev/zero', `of=${join(dir, 'filler')}`, 'bs=4k'], { stdio: 'ignore' });
  } catch {
    // dd stops with "No space left on device": that is the point.
  }
}

/** The engine's process when it is a plain local dockerd this user may restart, else why not. */
function localDockerd(): { pid: number; argv: string[] } | string {
  if (!rootOnLinux) return 'needs root on Linux (the engine is restarted as a process)';
  const host = engineEndpoint().host;
  if (host !== 'unix:///var/run/docker.sock')
    return `the engine is ${host}, not the local system socket`;
  let pids: number[];
  try {
    pids = execFileSync('pidof', ['dockerd']).toString().trim().split(/\s+/).map(Number);
  } catch {
    return 'no dockerd process on this machine (Docker Desktop, Colima or a remote engine)';
  }
  for (const pid of pids) {
    const argv = readFileSync(`/proc/${pid}/cmdline`, 'utf8').split('\0').filter(Boolean);
    // The engine of /var/run/docker.sock: one started without a host of its own.
    if (!argv.some((arg) => arg.startsWith('-H') || arg.startsWith('--host'))) return { pid, argv };
  }
  return 'every dockerd here serves another socket';
}

async function waitFor(
  what: string,
  seconds: number,
  test: () => boolean | Promise<boolean>,
): Promise<void> {
  const deadline = Date.now() + seconds * 1000;
  while (Date.now() < deadline) {
    if (await test()) return;
    await new Promise((resolve) => setTimeout(resolve, 500));
  }
  fail(`${what} did not happen within ${seconds} s`);
}

export const MACHINE_DRILLS: Drill[] = [
  {
    name: 'a full disk while progress is saved',
    short: true,
    run: async (ctx) => {
      if (!rootOnLinux) return 'skipped: needs root on Linux for a small tmpfs';
      const mount = join(tmpdir(), `kubelab-drill-full-${process.pid}`);
      await mkdir(mount, { recursive: true });
      execFileSync('mount', ['-t', 'tmpfs', '-o', 'size=256k', 'tmpfs', mount]);
      try {
        return await withHome(mount, async () => {
          await markStepPassed(ctx.lab, 'drills', 'before-full');
          const before = await readFile(progressFile(ctx.lab), 'utf8');
          fill(mount);
          const outcome = await markStepPassed(ctx.lab, 'drills', 'while-full').then(
            () => null,
            (error: unknown) => error,
          );
          if (!(outcome instanceof LabError) || outcome.code !== 'DISK_FULL')
            fail(`a full disk was not said plainly: ${String(outcome)}`);
          if ((await readFile(progressFile(ctx.lab), 'utf8')) !== before)
            fail('the progress saved before the disk filled changed');
          const leftovers = (await readdir(join(mount, 'labs', ctx.lab))).filter((f) =>
            f.includes('.tmp-'),
          );
          if (leftovers.length) fail(`half-written files left: ${leftovers.join(', ')}`);
          await rm(join(mount, 'filler'));
          await markStepPassed(ctx.lab, 'drills', 'after-full');
          const { progress } = await readProgress(ctx.lab);
          if (
            !progress.scenarios['drills']?.steps['before-full'] ||
            !progress.scenarios['drills']?.steps['after-full']
          )
            fail('progress after freeing space is not complete');
          return `${outcome.message} ${outcome.fix ?? ''}`.trim();
        });
      } finally {
        execFileSync('umount', [mount]);
        await rm(mount, { recursive: true, force: true });
      }
    },
  },
  {
    name: 'a damaged workshop bundle',
    short: true,
    run: async (ctx) => {
      const file = join(tmpdir(), `kubelab-drill-${process.pid}.kubelab`);
      // What a half-finished download looks like: a gzip header, then nothing sensible.
      await writeFile(
        file,
        Buffer.concat([Buffer.from([0x1f, 0x8b, 0x08, 0x00]), Buffer.alloc(4096, 7)]),
      );
      const installed = join(kubelabHome(), 'scenarios');
      const scenariosBefore = existsSync(installed) ? (await readdir(installed)).sort() : [];
      const imagesBefore = (await imageInventory(ctx.client))
        .map((i) => `${i.name}:${i.present}:${i.upToDate}`)
        .sort();
      try {
        const loaded = await cli(['bundle', 'load', file, '--trust-unsigned']);
        if (loaded.code === 0) fail(`a damaged bundle loaded: ${loaded.output}`);
        if (!/fix:/i.test(loaded.output)) fail(`no fix given: ${loaded.output}`);
        if (/\n\s+at .*\.(ts|js):\d+/.test(loaded.output)) fail('a stack trace was printed');
        const scenariosAfter = existsSync(installed) ? (await readdir(installed)).sort() : [];
        if (scenariosAfter.join() !== scenariosBefore.join()) fail('installed scenarios changed');
        const imagesAfter = (await imageInventory(ctx.client))
          .map((i) => `${i.name}:${i.present}:${i.upToDate}`)
          .sort();
        if (imagesAfter.join() !== imagesBefore.join()) fail('the lab images changed');
        return loaded.output.trim().split('\n').slice(0, 2).join(' ');
      } finally {
        await rm(file, { force: true });
      }
    },
  },
  {
    name: 'the Docker engine restarted under a running lab',
    short: false,
    run: async (ctx) => {
      const engine = localDockerd();
      if (typeof engine === 'string') return `skipped: ${engine}`;
      process.kill(engine.pid, 'SIGTERM');
      await waitFor('dockerd to stop', 60, () => !existsSync(`/proc/${engine.pid}`));
      const log = openSync('/var/log/dockerd.log', 'a');
      const child = spawn(engine.argv[0]!, engine.argv.slice(1), {
        detached: true,
        stdio: ['ignore', log, log],
      });
      child.unref();
      await waitFor('the engine to answer again', 60, async () => {
        try {
          await ctx.client.ping();
          return true;
        } catch {
          return false;
        }
      });
      const status = await labStatus(ctx.client, ctx.lab);
      const said = status.problems.join('; ') || 'no problem reported';
      await labUp(ctx.client, { lab: ctx.lab });
      await healthy(ctx);
      return `after the restart the lab said: ${said}; up brought it back`;
    },
  },
];
