// `kubelab images build`: builds what is missing or stale, dependencies first, with progress.
// Safe to interrupt: an image is only tagged with its hash once its build succeeded, prepared
// contexts are marked complete last, and a re-run picks up where the last one stopped.
import type Docker from 'dockerode';
import { LabError, cancelled, isCancelled } from '../api/errors.ts';
import { imageExists } from '../engine/images.ts';
import { LAB_LABEL } from '../engine/labels.ts';
import { workloadImageNames } from '../lab/images-check.ts';
import { fillSharedRegistry } from '../lab/registry-fill.ts';
import { BuildLog } from './build-log.ts';
import { buildJobs, runScheduled } from './build-schedule.ts';
import type { ScheduledTask } from './build-schedule.ts';
import { IMAGE_CATALOG, withDependencies } from './catalog.ts';
import type { ImageSpec } from './catalog.ts';
import { dockerBuild } from './docker-build.ts';
import { imageFolder, imageHash, imageRef } from './hash.ts';
import { IMAGE_HASH_LABEL, IMAGE_LABEL } from './labels.ts';
import { prepareContext } from './prepare.ts';
import { importRootfs } from './rootfs.ts';

export interface BuildProgress {
  image: string;
  index: number;
  total: number;
  /** 0..1 within this image. */
  fraction: number;
  /** 0..1 over every image of this build, those building side by side included. */
  overall: number;
  step: string;
  state: 'checking' | 'building' | 'up-to-date' | 'built';
  elapsedMs: number;
}

export interface BuildResult {
  image: string;
  ref: string;
  built: boolean;
  seconds: number;
}

async function buildOne(
  client: Docker,
  spec: ImageSpec,
  log: BuildLog,
  signal: AbortSignal,
  onStep: (fraction: number, step: string) => void,
): Promise<void> {
  const hash = await imageHash(spec.name);
  const ref = await imageRef(spec.name);
  const labels = { [LAB_LABEL]: 'true', [IMAGE_LABEL]: spec.name, [IMAGE_HASH_LABEL]: hash };
  if (spec.kind === 'rootfs') {
    onStep(0.05, "mmdebstrap bookworm (Debian packages from this machine's apt sources)");
    await importRootfs(client, imageFolder(spec), ref, labels, log, signal);
  } else {
    onStep(0.02, spec.prepare ? `preparing (${spec.prepare})` : 'sending the build context');
    const context = await prepareContext(client, spec, hash, log, signal);
    const buildArgs: Record<string, string> = {};
    for (const [arg, dep] of Object.entries(spec.args ?? {})) buildArgs[arg] = await imageRef(dep);
    await dockerBuild(client, {
      context,
      ref,
      extraTags: [`kubelab/${spec.name}:latest`],
      ...(spec.target ? { target: spec.target } : {}),
      buildArgs,
      labels,
      log,
      signal,
      onStep: (fraction, step) => onStep(0.1 + fraction * 0.9, step),
    });
  }
  if (spec.kind === 'rootfs')
    await client.getImage(ref).tag({ repo: `kubelab/${spec.name}`, tag: 'latest' });
}

export async function buildImages(
  client: Docker,
  names: readonly string[],
  onProgress: (progress: BuildProgress) => void,
  signal: AbortSignal = new AbortController().signal,
  jobs: number = buildJobs(),
): Promise<BuildResult[]> {
  const specs = names.length ? withDependencies(names) : [...IMAGE_CATALOG];
  const byName = new Map<string, BuildResult>();
  // Each image's own fraction, so the overall figure is right while several build at once.
  const fractions = new Map<string, number>();
  // The last line of the build: the workload images into the lab registry (registry-fill.ts).
  const total = specs.length + 1;
  const progressOf = (
    label: string,
    index: number,
    started: number,
  ): ((state: BuildProgress['state'], fraction: number, step: string) => void) => {
    return (state, fraction, step) => {
      fractions.set(label, fraction);
      let sum = 0;
      for (const value of fractions.values()) sum += value;
      onProgress({
        image: label,
        index,
        total,
        fraction,
        overall: sum / total,
        step,
        state,
        elapsedMs: Date.now() - started,
      });
    };
  };

  const buildSpec = async (
    spec: ImageSpec,
    index: number,
    taskSignal: AbortSignal,
  ): Promise<void> => {
    const started = Date.now();
    const report = progressOf(spec.name, index, started);
    const ref = await imageRef(spec.name);
    if (await imageExists(client, ref)) {
      report('up-to-date', 1, 'up to date');
      byName.set(spec.name, { image: spec.name, ref, built: false, seconds: 0 });
      return;
    }
    const log = new BuildLog(spec.name);
    report('building', 0, 'starting');
    try {
      await buildOne(client, spec, log, taskSignal, (fraction, step) =>
        report('building', fraction, step),
      );
    } catch (error) {
      await log.close();
      if (taskSignal.aborted || isCancelled(error))
        throw cancelled(`Building ${spec.name} was cancelled; run the build again to resume.`);
      const reason = error instanceof Error ? error.message : String(error);
      throw new LabError(
        'IMAGE_BUILD_FAILED',
        `Building the ${spec.name} image failed at "${log.step}": ${reason}`,
        {
          details: [`last lines of ${log.path}:`, ...log.tail().split('\n')],
          fix: diagnose(reason + log.tail()),
        },
      );
    }
    await log.close();
    const seconds = (Date.now() - started) / 1000;
    report('built', 1, `built in ${seconds.toFixed(0)} s`);
    byName.set(spec.name, { image: spec.name, ref, built: true, seconds });
  };

  // Kept until every image is built: a failed fill must not cancel the images still building
  // (the Go compile), and the next build, or the next lab start, fills the registry again.
  let fillFailure: { error: unknown } | undefined;
  const fill = async (): Promise<void> => {
    const started = Date.now();
    const report = progressOf(REGISTRY_FILL, specs.length, started);
    report('building', 0, 'workload images into the lab registry');
    try {
      const outcome = await fillSharedRegistry(client, (message) =>
        report('building', 0.5, message),
      );
      if (outcome.filled)
        report('built', 1, `in the lab registry in ${outcome.seconds.toFixed(0)} s`);
      else
        report(
          'up-to-date',
          1,
          outcome.why === 'already there'
            ? 'up to date: every workload image is in it already'
            : 'skipped: the registry image is not built, so the first lab start pushes them',
        );
    } catch (error) {
      fillFailure = { error };
    }
  };

  const tasks: BuildTask[] = [
    ...specs.map((spec, index) => ({
      name: spec.name,
      after: [...Object.values(spec.args ?? {}), ...(spec.inputs ?? [])],
      // A host-side prepare step (Go compile, npm install, preload) is the long part of a build.
      long: spec.prepare !== undefined,
      image: { spec, index },
    })),
    // After the registry image and every workload image of this build: on a cold build that is
    // while the Go compile still runs, so the push costs no wall time.
    {
      name: REGISTRY_FILL,
      after: ['registry', ...workloadImageNames()],
    },
  ];
  try {
    await runScheduled(
      tasks,
      jobs,
      (task, taskSignal) =>
        task.image ? buildSpec(task.image.spec, task.image.index, taskSignal) : fill(),
      signal,
    );
  } catch (error) {
    // A failed image cancels its siblings, and the first error (the failure) is what arrives.
    if (signal.aborted)
      throw cancelled('The image build was cancelled; run the build again to resume.');
    throw error;
  }
  if (fillFailure) throw fillFailure.error;
  return specs.map((spec) => byName.get(spec.name)!);
}

/** The progress line's name for the last step of a build, the lab registry's fill. */
export const REGISTRY_FILL = 'registry-fill';

/** An image to build, or (without `image`) the registry fill after the images. */
type BuildTask = ScheduledTask & { image?: { spec: ImageSpec; index: number } };

/** The likely fix for a failed build, from what its log says. */
export function diagnose(text: string): string {
  if (/no space left on device/i.test(text))
    return 'Free disk space (docker system df shows what Docker holds), then build again.';
  if (/Could not resolve|Temporary failure resolving|Failed to fetch|Unable to fetch/i.test(text))
    return "apt could not reach Debian's mirror: check this machine's network and apt sources, then build again.";
  if (/proxy\.golang\.org|go: .*(dial tcp|i\/o timeout|403)/i.test(text))
    return 'The Go module proxy could not be reached or refused a module: check GOPROXY and the network, then build again (the Go cache keeps what was already fetched).';
  if (/npm (ERR|error)/i.test(text))
    return 'npm failed: check that the npm registry is reachable, then build again.';
  if (/mmdebstrap is missing/i.test(text))
    return 'Install mmdebstrap (apt-get install -y mmdebstrap) and build again.';
  return 'Read the log named above; fix the cause and run `kubelab images build` again (finished images are kept).';
}
