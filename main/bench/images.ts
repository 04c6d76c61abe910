// Image figures: the no-op build a warm machine does, loading an instructor bundle, and the cold
// build time as recorded by the build that really ran (a cold build takes ~20 min: never re-run).
import { mkdtemp, rm, stat } from 'node:fs/promises';
import { readFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type Docker from 'dockerode';
import { LabError } from '../api/errors.ts';
import { buildImages } from '../images/build.ts';
import { loadImages, packImages } from '../images/bundle.ts';
import { imageInventory } from '../images/inventory.ts';

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
  seconds: number;
  images: number;
}

/**
 * The cold build time from the output of a `kubelab images build` that built everything: its
 * closing line "built N image(s): base 52s, binaries 611s, …" (the last such line wins). The sum
 * of per-image build times; null when the log holds no such line.
 */
export function coldBuildFromLog(text: string): ColdBuildRecord | null {
  const lines = text.split('\n').filter((line) => /^built \d+ image\(s\): /.test(line.trim()));
  const last = lines[lines.length - 1];
  if (!last) return null;
  const parts = last
    .trim()
    .replace(/^built \d+ image\(s\): /, '')
    .split(', ');
  let seconds = 0;
  for (const part of parts) {
    const match = /^\S+ (\d+)s$/.exec(part.trim());
    if (!match) return null;
    seconds += Number(match[1]);
  }
  return { seconds, images: parts.length };
}

export async function coldBuildFromFile(file: string): Promise<ColdBuildRecord> {
  let text: string;
  try {
    text = await readFile(file, 'utf8');
  } catch {
    throw new LabError('NO_FILE', `There is no build log ${file}.`, {
      fix: 'Pass the saved output of a `kubelab images build` run with --build-log FILE.',
    });
  }
  const record = coldBuildFromLog(text);
  if (!record) {
    throw new LabError(
      'BAD_BUILD_LOG',
      `${file} has no "built N image(s): …" line of a finished \`kubelab images build\`.`,
      { fix: 'Pass the output of a build that finished (it ends with that line).' },
    );
  }
  return record;
}
