// Fault drills on a real lab: each breaks one thing the way life does and proves the repair —
// a clear message, a working `up`, learner progress and files intact, nothing unlabelled left on
// the engine. `short` drills run in `npm test` (one 1-node lab, ≈ 2–3 min); the rest only in
// `npm run drills`.
import { spawn } from 'node:child_process';
import { mkdir, readFile, rm, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import type Docker from 'dockerode';
import WebSocket from 'ws';
import { markStepPassed, progressFile, readProgress } from '../checker/progress.ts';
import { dnsAnswers, kubectl, kubectlOk, waitFor } from '../lab/cluster.ts';
import { labDir } from '../lab/config.ts';
import { existingLabConfig } from '../lab/state.ts';
import { labStatus } from '../lab/status.ts';
import { labDown } from '../lab/down.ts';
import { labUp } from '../lab/up.ts';
import { LabError } from '../api/errors.ts';
import type { Drill, DrillContext } from './drill-helpers.ts';
import { cli, fail, healthy } from './drill-helpers.ts';

export type { Drill, DrillContext };
import { kubelabHome } from '../paths.ts';

/** A learner's trace: a passed step and a file in /mnt, both checked after every drill. */
export async function leaveLearnerWork(ctx: DrillContext): Promise<void> {
  await markStepPassed(ctx.lab, 'drills', 'a-step');
  await mkdir(ctx.config.nodes[0]!.hostDirs.mnt, { recursive: true });
  await writeFile(join(ctx.config.nodes[0]!.hostDirs.mnt, 'drill-note.txt'), 'mine\n');
}

export async function learnerWorkIntact(ctx: DrillContext): Promise<void> {
  const { progress } = await readProgress(ctx.lab);
  if (!progress.scenarios['drills']?.steps['a-step']) fail('the learner progress was lost');
  const note = await readFile(join(ctx.config.nodes[0]!.hostDirs.mnt, 'drill-note.txt'), 'utf8');
  if (note !== 'mine\n') fail('the learner file in /mnt changed');
}

export const DRILLS: Drill[] = [
  {
    name: 'two ups at once in one process',
    short: true,
    run: async (ctx) => {
      const results = await Promise.allSettled([
        labUp(ctx.client, { lab: ctx.lab }),
        labUp(ctx.client, { lab: ctx.lab }),
      ]);
      const busy = results.filter(
        (r) =>
          r.status === 'rejected' && r.reason instanceof LabError && r.reason.code === 'LAB_BUSY',
      );
      const done = results.filter((r) => r.status === 'fulfilled');
      if (busy.length !== 1 || done.length !== 1)
        fail(
          `expected one up and one LAB_BUSY, got ${JSON.stringify(results.map((r) => r.status))}`,
        );
      return 'one ran, the other was refused with LAB_BUSY';
    },
  },
  {
    name: 'two ups at once from two processes',
    short: false,
    run: async (ctx) => {
      const [a, b] = await Promise.all([
        cli(['up', '--lab', ctx.lab]),
        cli(['up', '--lab', ctx.lab]),
      ]);
      const busy = [a, b].filter((r) => r.code !== 0 && /is busy/.test(r.output));
      if ([a, b].filter((r) => r.code === 0).length !== 1 || busy.length !== 1)
        fail(`expected one success and one "busy": ${a.code} ${b.code}\n${a.output}\n${b.output}`);
      return 'one ran, the other said the lab is busy';
    },
  },
  {
    name: 'delete CoreDNS, kube-proxy and the NetworkPolicy controller',
    short: true,
    run: async (ctx) => {
      await kubectlOk(ctx.client, ctx.config, [
        '-n',
        'kube-system',
        'delete',
        'deployment/coredns',
        'daemonset/kube-proxy',
        'daemonset/kube-router',
        '--wait=false',
      ]);
      await labUp(ctx.client, { lab: ctx.lab });
      for (const object of [
        'deployment/coredns',
        'daemonset/kube-proxy',
        'daemonset/kube-router',
      ]) {
        if (
          (await kubectl(ctx.client, ctx.config, ['-n', 'kube-system', 'get', object])).exitCode !==
          0
        )
          fail(`${object} was not restored`);
      }
      await healthy(ctx);
      return 'up restored all three; DNS answers';
    },
  },
  {
    name: 'delete every kube-system pod',
    short: false,
    run: async (ctx) => {
      await kubectlOk(ctx.client, ctx.config, [
        '-n',
        'kube-system',
        'delete',
        'pods',
        '--all',
        '--wait=false',
      ]);
      await waitFor('kube-system back', 180_000, () => dnsAnswers(ctx.client, ctx.config));
      await labUp(ctx.client, { lab: ctx.lab });
      await healthy(ctx);
      return 'the pods came back; up found the lab healthy';
    },
  },
  {
    name: 'a corrupt progress file',
    short: true,
    run: async (ctx) => {
      const file = progressFile(ctx.lab);
      const good = JSON.parse(await readFile(file, 'utf8')) as {
        scenarios: Record<string, unknown>;
      };
      good.scenarios['broken'] = { steps: { x: { passedAt: 7 } } };
      await writeFile(file, JSON.stringify(good));
      const read = await readProgress(ctx.lab);
      if (!read.warning?.includes('The original is in')) fail(`no clear warning: ${read.warning}`);
      return read.warning;
    },
  },
  {
    name: 'a corrupt lab.json',
    short: false,
    run: async (ctx) => {
      const file = join(labDir(ctx.lab), 'lab.json');
      const saved = await readFile(file, 'utf8');
      await writeFile(file, '{"name": ');
      try {
        const status = await cli(['status', '--lab', ctx.lab]);
        if (status.code === 0 && !/not|no lab|unfinished/i.test(status.output))
          fail(`status hid it: ${status.output}`);
      } finally {
        // the repair a learner would run: up recreates the lab from its state; here the saved
        // state is put back so the next drills keep their lab (a rebuild is its own drill)
        await writeFile(file, saved);
      }
      await labUp(ctx.client, { lab: ctx.lab });
      await healthy(ctx);
      return 'status said so without crashing; the lab came back';
    },
  },
  {
    name: 'a corrupt scenario file',
    short: false,
    run: async () => {
      // A bundle-installed scenario whose YAML was damaged (a half-copied folder, a bad edit).
      const dir = join(kubelabHome(), 'scenarios', 'drill-broken');
      await mkdir(dir, { recursive: true });
      await writeFile(join(dir, 'scenario.yaml'), 'id: drill-broken\ntitle: [unclosed\n');
      try {
        const listed = await cli(['scenarios']);
        if (!/drill-broken: does not load/.test(listed.output))
          fail(`the broken scenario was not named: ${listed.output}`);
        if (!/scenario\.yaml:\d+:\d+: /.test(listed.output))
          fail(`no file:line for the broken scenario: ${listed.output}`);
        for (const id of ['two-containers', 'services', 'statefulset']) {
          if (!listed.output.includes(id)) fail(`built-in ${id} is missing next to the broken one`);
        }
        if (/\n\s+at .*\.(ts|js):\d+/.test(listed.output)) fail('a stack trace was printed');
      } finally {
        await rm(dir, { recursive: true, force: true });
      }
      return 'the built-ins still listed; the broken one named with file:line';
    },
  },
  {
    name: 'kill a node mid-scenario',
    short: false,
    run: async (ctx) => {
      const node = ctx.config.nodes.at(-1)!;
      await ctx.client.getContainer(node.container).remove({ force: true });
      const status = await labStatus(ctx.client, ctx.lab);
      if (!status.problems.some((p) => p.includes(node.name)))
        fail('status did not name the killed node');
      const started = Date.now();
      await labUp(ctx.client, { lab: ctx.lab });
      await healthy(ctx);
      return `status named ${node.name}; up repaired it in ${((Date.now() - started) / 1000).toFixed(0)} s`;
    },
  },
  {
    name: 'kill the CLI in the middle of up',
    short: false,
    run: async (ctx) => {
      // From stopped nodes, so the killed up has seconds of work left: an up of a running lab
      // ends within the 3 s below, and the drill would kill nothing.
      await labDown(ctx.client, { lab: ctx.lab, purge: false, data: false });
      const child = spawn(process.execPath, ['bin/kubelab.js', 'up', '--lab', ctx.lab], {
        stdio: 'ignore',
      });
      const closed = new Promise((resolve) => child.once('close', resolve));
      await new Promise((resolve) => setTimeout(resolve, 3_000));
      if (child.exitCode !== null)
        fail(`the up to kill ended by itself within 3 s (exit ${child.exitCode})`);
      child.kill('SIGKILL');
      await closed;
      const started = Date.now();
      await labUp(ctx.client, { lab: ctx.lab }); // the killed process's lock must not block this
      await healthy(ctx);
      return `the next up took over its lock and finished in ${((Date.now() - started) / 1000).toFixed(0)} s`;
    },
  },
  {
    name: 'kill kubelab serve in the middle of an up it was asked for',
    short: false,
    run: async (ctx) => {
      // Browser mode as the UI drives it: a WebSocket with the token asks for lab:up.
      const serve = spawn(process.execPath, ['bin/kubelab.js', 'serve', '--port', '0'], {
        stdio: ['ignore', 'pipe', 'ignore'],
        env: { ...process.env, NO_COLOR: '1' },
      });
      try {
        const url = await new Promise<URL>((resolve, reject) => {
          let out = '';
          serve.stdout.on('data', (chunk: Buffer) => {
            out += chunk.toString();
            const found = /http:\/\/127\.0\.0\.1:\d+\/\S*token=\S+/.exec(out);
            if (found) resolve(new URL(found[0]));
          });
          serve.once('close', () =>
            reject(new Error(`kubelab serve ended before its URL: ${out}`)),
          );
        });
        const token = url.searchParams.get('token') ?? '';
        const socket = new WebSocket(`ws://${url.host}/api?token=${encodeURIComponent(token)}`);
        await new Promise((resolve, reject) => {
          socket.once('open', resolve);
          socket.once('error', reject);
        });
        // Events may come first; the answer is the response frame with our id.
        const started = new Promise<string>((resolve) => {
          const onMessage = (raw: Buffer): void => {
            const text = raw.toString();
            const frame = JSON.parse(text) as { t?: string; id?: number };
            if (frame.t !== 'res' || frame.id !== 1) return;
            socket.off('message', onMessage);
            resolve(text);
          };
          socket.on('message', onMessage);
        });
        socket.send(
          JSON.stringify({ t: 'req', id: 1, channel: 'lab:up', input: { lab: ctx.lab } }),
        );
        const answer = await started;
        if (!answer.includes('operationId')) fail(`lab:up was not started: ${answer}`);
        await new Promise((resolve) => setTimeout(resolve, 3_000));
        socket.terminate();
      } finally {
        serve.kill('SIGKILL');
        await new Promise((resolve) =>
          serve.exitCode === null ? serve.once('close', resolve) : resolve(null),
        );
      }
      const started = Date.now();
      await labUp(ctx.client, { lab: ctx.lab }); // the dead server's lock must not block this
      await healthy(ctx);
      return `the next up took over its lock and finished in ${((Date.now() - started) / 1000).toFixed(0)} s`;
    },
  },
];

export async function drillContext(client: Docker, lab: string): Promise<DrillContext> {
  return { client, lab, config: await existingLabConfig(lab) };
}
