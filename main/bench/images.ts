// Image figures: the no-op build a warm machine does, loading an instructor bundle, and the cold
// build time as recorded by the build that really ran (a cold build takes ~15 min: never re-run).
import { mkdtemp, readFile, rm, stat } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type Docker from 'dockerode';
import { LabError } from '../api/errors.ts';
import { buildImages } from '../images/build.ts';
import { loadImages, packImages } from '../images/bundle.ts';
import { imageInventory } from '../images/inventory.ts';
import { IMAGE_CATALOG } from '../images/catalog.ts';

/**
 * Seconds of `kubelab images build` with every image current. Refuses to run when anything is
 * missing or stale: the bench must never start a real build (it would take minutes to hours).
 */
export async function timedWarmBuild(client: Docker): Promise<number> {
  const notCurrent = (await imageInventory(client)).filter((image) => !image.upToDate);
  if (notCurrent.length) {
    throw new LabError(
      'IMAGES_NOT_CURRENT',
      `not the warm path: ${notCurrent.map((image) => image.name).join(', ')} would be built`,
      { fix: 'Run `kubelab images build` first, then the bench.' },
    );
  }
  const started = performance.now();
  const results = await buildImages(client, [], () => undefined);
  const seconds = (performance.now() - started) / 1000;
  const built = results.filter((result) => result.built);
  if (built.length) throw new Error(`the warm build built ${built.map((r) => r.image).join(', ')}`);
  return seconds;
}

/** The image packed for the load figure: small, and a workload every lab serves. */
export const BUNDLE_IMAGE = 'busybox';

/** Packs one image (untimed), then times verified loads of that bundle. */
export async function timedBundleLoads(
  client: Docker,
  count: number,
): Promise<{ seconds: number[]; bundleMiB: number }> {
  const dir = await mkdtemp(join(tmpdir(), 'kubelab-bench-bundle-'));
  try {
    const file = join(dir, `${BUNDLE_IMAGE}.kubelab-images`);
    await packImages(client, [BUNDLE_IMAGE], file, () => undefined);
    const bundleMiB = (await stat(file)).size / 1024 ** 2;
    const seconds: number[] = [];
    for (let i = 0; i < count; i++) {
      const started = performance.now();
      await loadImages(client, file, () => undefined);
      seconds.push((performance.now() - started) / 1000);
    }
    return { seconds, bundleMiB };
  } finally {
    await rm(dir, { recursive: true, force: true });
  }
}

export interface ColdBuildRecord {
  /** Seconds per image, from every log given (a later log wins for the same image). */
  perImage: Record<string, number>;
  /** The catalogue images no log says were built. */
  missing: string[];
  /**
   * The build's time, only when every catalogue image is covered: the sum of each run's wall
   * time where every run that built something printed one (images build side by side, so their
   * own times overlap), else the sum of the per-image times (logs of the sequential build).
   */
  seconds: number | null;
  /** Whether `seconds` is wall time (true) or the per-image sum (false). */
  wall: boolean;
}

// Not anchored at the start: on a terminal, progress lines begin with cursor escapes.
const PER_IMAGE_LINE = /\[\d+\/\d+\] (\S+): built in (\d+) s\s*$/;
const SUMMARY_LINE = /built \d+ image\(s\)(?: in (\d+) s)?: (.+?)\s*$/;

/**
 * Per-image build times from the output of `kubelab images build` runs: the progress lines
 * "[2/19] binaries: built in 2811 s" and the closing "built N image(s) in W s: base 42s, …". A
 * cold build that stopped and was resumed spans several logs; the figure adds up the runs, and
 * only when they cover every catalogue image (a partial sum would pass for a fast build).
 */
export function coldBuildFromLogs(
  texts: readonly string[],
  catalog: readonly string[],
): ColdBuildRecord {
  const perImage: Record<string, number> = {};
  let wallSum = 0;
  let everyRunTimed = true;
  for (const text of texts) {
    let builtHere = false;
    let wallHere: number | undefined;
    for (const line of text.split(/[\r\n]/)) {
      const one = PER_IMAGE_LINE.exec(line);
      if (one) {
        perImage[one[1]!] = Number(one[2]);
        builtHere = true;
      }
      const summary = SUMMARY_LINE.exec(line);
      if (summary) {
        if (summary[1] !== undefined) wallHere = Number(summary[1]);
        for (const part of summary[2]!.split(', ')) {
          const match = /^(\S+) (\d+)s$/.exec(part.trim());
          if (match) perImage[match[1]!] = Number(match[2]);
        }
      }
    }
    if (wallHere !== undefined) wallSum += wallHere;
    else if (builtHere) everyRunTimed = false;
  }
  const missing = catalog.filter((name) => perImage[name] === undefined);
  const perImageSum = catalog.reduce((sum, name) => sum + (perImage[name] ?? 0), 0);
  const wall = everyRunTimed && wallSum > 0;
  const seconds = missing.length ? null : wall ? wallSum : perImageSum;
  return { perImage, missing, seconds, wall };
}

export async function coldBuildFromFiles(files: readonly string[]): Promise<ColdBuildRecord> {
  const texts: string[] = [];
  for (const file of files) {
    try {
      texts.push(await readFile(file, 'utf8'));
    } catch {
      throw new LabError('NO_FILE', `There is no build log ${file}.`, {
        fix: 'Pass the saved output of `kubelab images build` runs with --build-log FILE (repeatable).',
      });
    }
  }
  return coldBuildFromLogs(
    texts,
    IMAGE_CATALOG.map((spec) => spec.name),
  );
}
