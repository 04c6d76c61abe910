// Runs the bench: decides which labs the chosen figures need, measures in an order that keeps at
// most one lab running (images first, while the machine is quiet; then one-node cold starts;
// then the main lab for everything that needs a running cluster), and removes every lab it made
// — on success, on a failed figure, and on Ctrl-C. A figure that fails records its error; the
// others are still measured.
import type Docker from 'dockerode';
import { labSuspend } from '../lab/suspend.ts';
import { LabError } from '../api/errors.ts';
import { validateLabName } from '../lab/config.ts';
import { FIGURE_KEYS } from './figures.ts';
import type { FigureKey } from './figures.ts';
import { BURST_INPUT_BYTES, measureEcho } from './echo.ts';
import { BUNDLE_IMAGE, coldBuildFromFiles, timedBundleLoads, timedWarmBuild } from './images.ts';
import { timedFirstLab } from './first-lab.ts';
import { median } from './stats.ts';
import { purgeLab, stopLab, timedUp } from './lab-start.ts';
import type { StartSample } from './lab-start.ts';
import { machineInfo } from './machine.ts';
import { labMemoryMiB } from './memory.ts';
import { apiRoundTrips } from './api-round-trip.ts';
import { topologyChanges } from './topology-change.ts';
import { nodeDiskMiB, nodeImageMiB } from './node-size.ts';
import { timedKubelab, timedNodeStart } from './processes.ts';
import { buildReport, emptyRecord } from './report.ts';
import type { BenchReport, FigureRecord } from './report.ts';
import {
  BENCH_SCENARIO,
  loadBenchScenario,
  solveSteps,
  timedCheck,
  timedReset,
} from './scenario-work.ts';

/** The message, and the fix when the error carries one (LabError). */
function errorText(error: unknown): string {
  if (error instanceof LabError && error.fix) return `${error.message} (fix: ${error.fix})`;
  return error instanceof Error ? error.message : String(error);
}

export interface BenchOptions {
  runs: number;
  only: FigureKey[];
  /** Labs are named PREFIX (the main lab), PREFIX-cold1 and PREFIX-cold3. */
  labPrefix: string;
  /** Saved output of the `kubelab images build` run(s) of a cold build, for images_build_cold_s. */
  buildLogs?: string[];
  signal: AbortSignal;
  log: (line: string) => void;
}

const CHECKS_PER_RUN = 10;
/** Process starts per run: each is short, and the first of a burst pays for a cold disk cache. */
const STARTS_PER_RUN = 5;
const COMMAND_CHECKS_PER_RUN = 3;
const API_CALLS_PER_RUN = 20;
const TOPOLOGY_CHANGES_PER_RUN = 3;
const KEYSTROKES_PER_RUN = 30;
/** Figures measured on the main lab (one cold start, then everything that needs a cluster). */
const MAIN_LAB_FIGURES: FigureKey[] = [
  'cold_start_3node_s',
  'node_disk_mib',
  'resume_s',
  'warm_start_s',
  'lab_memory_mib',
  'check_ms',
  'api_round_trip_ms',
  'topology_change_ms',
  'check_command_s',
  'echo_ms',
  'echo_throughput_mib_s',
  'reset_s',
];
/** These need three nodes; the others are fine on one (and a 1-node start is much cheaper). */
const THREE_NODE_FIGURES: FigureKey[] = [
  'cold_start_3node_s',
  'node_disk_mib',
  'resume_s',
  'warm_start_s',
  'lab_memory_mib',
];

export function benchLabs(prefix: string): { main: string; cold1: string; cold3: string } {
  validateLabName(`${prefix}-cold3`);
  return { main: validateLabName(prefix), cold1: `${prefix}-cold1`, cold3: `${prefix}-cold3` };
}

export function checkRuns(runs: number): number {
  if (!Number.isInteger(runs) || runs < 1 || runs > 20) {
    throw new Error(`--runs must be a whole number from 1 to 20, not ${runs}.`);
  }
  return runs;
}

export async function runBench(client: Docker, options: BenchOptions): Promise<BenchReport> {
  const started = new Date();
  const { runs, only, signal, log } = options;
  checkRuns(runs);
  const labs = benchLabs(options.labPrefix);
  // Taken first: the load average then says how busy the machine was before the bench began.
  const machine = await machineInfo(client);
  const records: Partial<Record<FigureKey, FigureRecord>> = {};
  for (const key of FIGURE_KEYS) if (only.includes(key)) records[key] = emptyRecord();
  const want = (key: FigureKey): boolean => only.includes(key);
  const rec = (key: FigureKey): FigureRecord => (records[key] ??= emptyRecord());
  const note = (key: FigureKey, text: string): void => {
    if (want(key) && !rec(key).notes.includes(text)) rec(key).notes.push(text);
  };
  /** Runs one measurement; a failure is recorded on the figures it feeds, and the bench goes on. */
  const attempt = async (
    keys: FigureKey[],
    what: string,
    work: () => Promise<void>,
  ): Promise<boolean> => {
    if (signal.aborted) {
      for (const key of keys) if (want(key)) rec(key).error ??= 'cancelled';
      return false;
    }
    log(what);
    try {
      await work();
      return true;
    } catch (error) {
      const message = signal.aborted ? 'cancelled' : errorText(error);
      log(`  failed: ${message.split('\n')[0]}`);
      for (const key of keys) if (want(key)) rec(key).error ??= `${what}: ${message}`;
      return false;
    }
  };
  const recordStart = (key: FigureKey, sample: StartSample): void => {
    rec(key).samples.push(sample.seconds);
    rec(key).starts.push({ phases: sample.phases, said: sample.said });
    log(`  ${sample.seconds.toFixed(1)} s`);
    if (sample.pushedImages) {
      note(
        key,
        `run ${rec(key).samples.length} pushed workload images into the shared lab registry (the first lab after an image build does): see its registry phase`,
      );
    }
  };
  const created = new Set<string>();
  const fresh = async (lab: string): Promise<void> => {
    // A lab of the bench's own names left behind by an interrupted bench would skew a cold start.
    created.add(lab);
    await purgeLab(client, lab);
  };
  /** `count` cold starts of `nodes` nodes, each in a lab made fresh and purged afterwards. */
  const coldStarts = async (
    key: FigureKey,
    lab: string,
    nodes: number,
    count: number,
  ): Promise<void> => {
    for (let i = 0; i < count; i++) {
      await fresh(lab);
      recordStart(key, await timedUp(client, lab, nodes, 'cold', signal));
      await purgeLab(client, lab);
    }
  };

  try {
    // Images first, while no lab competes for the two cores.
    if (want('images_build_warm_s')) {
      await attempt(['images_build_warm_s'], 'images build with every image current', async () => {
        for (let i = 0; i < runs; i++)
          rec('images_build_warm_s').samples.push(await timedWarmBuild(client));
      });
      note('images_build_warm_s', 'hash every image folder, look each image up (no build)');
    }
    if (want('bundle_load_s')) {
      await attempt(['bundle_load_s'], `bundle load of the ${BUNDLE_IMAGE} image`, async () => {
        const { seconds, bundleMiB } = await timedBundleLoads(client, runs);
        rec('bundle_load_s').samples.push(...seconds);
        note(
          'bundle_load_s',
          `a ${bundleMiB.toFixed(0)} MiB bundle of ${BUNDLE_IMAGE} only (not the full lab bundle): checksum verified, then docker load`,
        );
      });
    }
    if (want('images_build_cold_s')) {
      const files = options.buildLogs ?? [];
      if (files.length) {
        await attempt(
          ['images_build_cold_s'],
          `cold build time from ${files.join(', ')}`,
          async () => {
            const record = await coldBuildFromFiles(files);
            const times = Object.entries(record.perImage)
              .map(([name, seconds]) => `${name} ${seconds} s`)
              .join(', ');
            if (record.seconds !== null) {
              rec('images_build_cold_s').samples.push(record.seconds);
              note(
                'images_build_cold_s',
                record.wall
                  ? `not re-run: the wall time \`kubelab images build\` printed, images side by side (${times})`
                  : `not re-run: the sum of the per-image times \`kubelab images build\` printed (${times})`,
              );
            } else {
              note(
                'images_build_cold_s',
                `not measured: the logs given cover ${Object.keys(record.perImage).length} of ${record.missing.length + Object.keys(record.perImage).length} images (${times || 'none'}); no log at hand for ${record.missing.join(', ')}`,
              );
            }
          },
        );
      } else {
        note(
          'images_build_cold_s',
          'not measured: a cold build takes ~15 min; pass the output of one with --build-log FILE',
        );
      }
    }

    if (want('cli_start_s') || want('node_start_s')) {
      await attempt(['cli_start_s', 'node_start_s'], 'CLI start and Node start', async () => {
        await timedKubelab(['version']); // builds or checks the cached CLI bundle once, untimed
        for (let i = 0; i < runs * STARTS_PER_RUN; i++) {
          if (want('cli_start_s')) rec('cli_start_s').samples.push(await timedKubelab(['version']));
          if (want('node_start_s')) rec('node_start_s').samples.push(await timedNodeStart());
        }
      });
      note('cli_start_s', `\`kubelab version\` from spawn to exit, ${STARTS_PER_RUN} per run`);
      note(
        'node_start_s',
        `\`node -e 0\` with the same Node, ${STARTS_PER_RUN} per run: the floor under any Node CLI`,
      );
    }
    if (want('node_image_mib')) {
      await attempt(['node_image_mib'], 'node image size', async () => {
        rec('node_image_mib').samples.push(await nodeImageMiB(client));
      });
      note('node_image_mib', 'docker image inspect of the node image: its size uncompressed');
    }

    if (want('cold_start_1node_s')) {
      await attempt(['cold_start_1node_s'], `cold start of lab ${labs.cold1}, 1 node`, async () => {
        await coldStarts('cold_start_1node_s', labs.cold1, 1, runs);
      });
      note(
        'cold_start_1node_s',
        'a new lab each run: containers, kubeadm init, add-ons, Ready + DNS',
      );
    }

    const mainFigures = MAIN_LAB_FIGURES.filter(want);
    const nodes = THREE_NODE_FIGURES.some(want) ? 3 : 1;
    // The main lab's own first start is one cold 3-node sample; the others use their own lab.
    if (want('cold_start_3node_s')) {
      const extra = runs - (nodes === 3 ? 1 : 0);
      await attempt(
        ['cold_start_3node_s'],
        `cold start of lab ${labs.cold3}, 3 nodes`,
        async () => {
          await coldStarts('cold_start_3node_s', labs.cold3, 3, extra);
        },
      );
      note(
        'cold_start_3node_s',
        'a new lab each run: containers, kubeadm init, 2 × kubeadm join, add-ons, Ready + DNS',
      );
    }
    if (want('first_lab_push_s') || want('registry_fill_s')) {
      await attempt(
        ['first_lab_push_s', 'registry_fill_s'],
        `first lab: cold start of lab ${labs.cold3}, 3 nodes, on an empty registry of its own`,
        async () => {
          // Against the cold 3-node starts measured above, or a reference start of its own.
          const reference = [...rec('cold_start_3node_s').samples];
          if (!reference.length) {
            await fresh(labs.cold3);
            reference.push((await timedUp(client, labs.cold3, 3, 'cold', signal)).seconds);
            await purgeLab(client, labs.cold3);
          }
          const base = median(reference);
          log(`  reference cold start ${base.toFixed(1)} s`);
          for (let i = 0; i < runs; i++) {
            created.add(labs.cold3);
            const { fillSeconds, start } = await timedFirstLab(client, labs.cold3, 3, signal);
            log(
              `  fill ${fillSeconds.toFixed(1)} s, then ${start.seconds.toFixed(1)} s (+${(start.seconds - base).toFixed(1)} s)`,
            );
            rec('registry_fill_s').samples.push(fillSeconds);
            rec('first_lab_push_s').samples.push(start.seconds - base);
            rec('first_lab_push_s').starts.push({ phases: start.phases, said: start.said });
          }
          note(
            'first_lab_push_s',
            `a cold 3-node start on a registry volume the build's last step filled, minus the median cold 3-node start (${base.toFixed(1)} s)`,
          );
          note(
            'registry_fill_s',
            'every workload image into an empty registry volume, as `images build` (beside its Go compile) and `bundle load` end',
          );
        },
      );
    }
    if (!mainFigures.length) return finish();

    const up = await attempt(
      mainFigures,
      `cold start of lab ${labs.main}, ${nodes} node(s)`,
      async () => {
        await fresh(labs.main);
        const sample = await timedUp(client, labs.main, nodes, 'cold', signal);
        if (want('cold_start_3node_s') && nodes === 3) recordStart('cold_start_3node_s', sample);
        else log(`  ${sample.seconds.toFixed(1)} s`);
      },
    );
    if (!up) return finish();
    if (want('node_disk_mib')) {
      await attempt(['node_disk_mib'], `disk of each node of lab ${labs.main}`, async () => {
        rec('node_disk_mib').samples.push(...(await nodeDiskMiB(client, labs.main)));
      });
      note(
        'node_disk_mib',
        `du -sxm /var in each node of a fresh ${nodes}-node lab (one sample per node)`,
      );
    }
    const sampleMemory = async (): Promise<void> => {
      if (!want('lab_memory_mib')) return;
      const { mib, containers } = await labMemoryMiB(client, labs.main);
      rec('lab_memory_mib').samples.push(mib);
      note(
        'lab_memory_mib',
        `docker stats of the ${containers} containers of a fresh ${nodes}-node lab (nodes with their pods, and its registry), summed`,
      );
    };
    if (want('lab_memory_mib'))
      await attempt(['lab_memory_mib'], `memory of lab ${labs.main}`, sampleMemory);

    if (want('resume_s')) {
      await attempt(['resume_s'], `resumes of lab ${labs.main} (suspend, then up)`, async () => {
        for (let i = 0; i < runs; i++) {
          await labSuspend(client, labs.main);
          recordStart('resume_s', await timedUp(client, labs.main, nodes, 'resume', signal));
        }
      });
      note(
        'resume_s',
        `${nodes} nodes frozen with \`kubelab suspend\`, then \`kubelab up\` until Ready + DNS`,
      );
    }

    if (want('warm_start_s')) {
      await attempt(
        ['warm_start_s'],
        `warm starts of lab ${labs.main} (down, then up)`,
        async () => {
          for (let i = 0; i < runs; i++) {
            await stopLab(client, labs.main);
            const sample = await timedUp(client, labs.main, nodes, 'warm', signal);
            recordStart('warm_start_s', sample);
            if (i < runs - 1) await sampleMemory();
          }
        },
      );
      note(
        'warm_start_s',
        `${nodes} nodes stopped with \`kubelab down\`, then \`kubelab up\` until Ready + DNS`,
      );
    }

    const loaded =
      want('check_ms') || want('check_command_s') || want('reset_s')
        ? await loadBenchScenario()
        : null;
    let solvedUpTo = 0;
    if (loaded && want('check_ms')) {
      await attempt(['check_ms'], `check of ${BENCH_SCENARIO} step 1 (solved first)`, async () => {
        await solveSteps(client, labs.main, loaded, 0, 1);
        solvedUpTo = 1;
        for (let i = 0; i < runs * CHECKS_PER_RUN; i++) {
          rec('check_ms').samples.push(await timedCheck(client, labs.main, loaded, 0));
        }
      });
      note(
        'check_ms',
        `${BENCH_SCENARIO} step 1 (a ready and a field check) once solved, lab health check included, ${CHECKS_PER_RUN} per run`,
      );
    }

    if (loaded && want('check_command_s')) {
      await attempt(['check_command_s'], `kubelab check of ${BENCH_SCENARIO} step 1`, async () => {
        if (solvedUpTo < 1) {
          await solveSteps(client, labs.main, loaded, 0, 1);
          solvedUpTo = 1;
        }
        const step = loaded.scenario.steps[0]!.id;
        for (let i = 0; i < runs * COMMAND_CHECKS_PER_RUN; i++) {
          rec('check_command_s').samples.push(
            await timedKubelab(['check', BENCH_SCENARIO, step, '--lab', labs.main]),
          );
        }
      });
      note(
        'check_command_s',
        `\`kubelab check ${BENCH_SCENARIO} STEP --lab ${labs.main}\` from spawn to exit (the same step, passing), ${COMMAND_CHECKS_PER_RUN} per run`,
      );
    }
    if (want('api_round_trip_ms')) {
      await attempt(['api_round_trip_ms'], `API round trips to lab ${labs.main}`, async () => {
        const samples = await apiRoundTrips(labs.main, runs * API_CALLS_PER_RUN);
        rec('api_round_trip_ms').samples.push(...samples);
      });
      note(
        'api_round_trip_ms',
        `GET /api/v1/namespaces/default over the lab's kubeconfig from the host (kept-alive HTTPS), ${API_CALLS_PER_RUN} per run`,
      );
    }

    if (want('topology_change_ms')) {
      await attempt(['topology_change_ms'], `topology changes on lab ${labs.main}`, async () => {
        rec('topology_change_ms').samples.push(
          ...(await topologyChanges(client, labs.main, runs * TOPOLOGY_CHANGES_PER_RUN)),
        );
      });
      note(
        'topology_change_ms',
        `a Service created with kubectl while the pane's request waits on its revision (list + watch per kind); from kubectl's return to the answer drawing it, ${TOPOLOGY_CHANGES_PER_RUN} per run`,
      );
    }

    if (want('echo_ms') || want('echo_throughput_mib_s') || want('main_rss_mib')) {
      await attempt(
        ['echo_ms', 'echo_throughput_mib_s'],
        'terminal echo and burst through kubelab serve',
        async () => {
          for (let i = 0; i < runs; i++) {
            const sample = await measureEcho(labs.main, 'control-plane', KEYSTROKES_PER_RUN);
            if (want('echo_ms')) rec('echo_ms').samples.push(...sample.keystrokeMs);
            if (want('main_rss_mib'))
              rec('main_rss_mib').samples.push(process.memoryUsage().rss / 1024 ** 2);
            const keys = [...sample.keystrokeMs].sort((a, b) => a - b);
            log(
              `  keystroke echo, median of this run: ${keys[Math.floor(keys.length / 2)]!.toFixed(1)} ms`,
            );
            if (typeof sample.burst === 'string') {
              log(`  burst failed: ${sample.burst}`);
              if (want('echo_throughput_mib_s'))
                rec('echo_throughput_mib_s').error ??= `output burst: ${sample.burst}`;
            } else {
              if (want('echo_throughput_mib_s'))
                rec('echo_throughput_mib_s').samples.push(sample.burst.throughputMiBs);
              log(`  burst: ${sample.burst.throughputMiBs.toFixed(1)} MiB/s`);
            }
          }
        },
      );
      note(
        'echo_ms',
        `${KEYSTROKES_PER_RUN} single keys per run into bash on control-plane over an in-process \`kubelab serve\` WebSocket, each timed until its echo arrives`,
      );
      note(
        'echo_throughput_mib_s',
        `\`head -c ${BURST_INPUT_BYTES / 1024 ** 2}M /dev/zero | base64\` in the same terminal: bytes that reached the WebSocket client per second`,
      );
    }

    if (loaded && want('reset_s')) {
      await attempt(
        ['reset_s'],
        `reset of lab ${labs.main} after solving ${BENCH_SCENARIO}`,
        async () => {
          for (let i = 0; i < runs; i++) {
            await solveSteps(client, labs.main, loaded, solvedUpTo, loaded.scenario.steps.length);
            const seconds = await timedReset(client, labs.main);
            rec('reset_s').samples.push(seconds);
            log(`  ${seconds.toFixed(2)} s`);
            solvedUpTo = 0;
          }
        },
      );
      note(
        'reset_s',
        `every step of ${BENCH_SCENARIO} solved, then \`kubelab reset\` (without --data)`,
      );
    }
    return finish();
  } finally {
    for (const lab of created) {
      try {
        await purgeLab(client, lab);
      } catch (error) {
        log(
          `could not remove lab ${lab}: ${error instanceof Error ? error.message : String(error)} (run: kubelab down --lab ${lab} --purge --data --yes)`,
        );
      }
    }
  }

  function finish(): BenchReport {
    if (want('main_rss_mib') && !rec('main_rss_mib').samples.length && !rec('main_rss_mib').error) {
      rec('main_rss_mib').samples.push(process.memoryUsage().rss / 1024 ** 2);
    }
    note(
      'main_rss_mib',
      'RSS of the bench process, which runs the same services in-process as the app (labUp, checker, serve + node-pty)',
    );
    return buildReport({
      records,
      machine,
      options: { runs, only, labPrefix: options.labPrefix },
      started,
      finished: new Date(),
    });
  }
}
