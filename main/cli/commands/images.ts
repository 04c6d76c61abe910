// `kubelab images build|list|pack|load`
import type { VerbRun } from '../command.ts';
import { requireEngine } from '../../engine/docker.ts';
import { buildImages } from '../../images/build.ts';
import { buildProgressPrinter } from '../build-progress.ts';
import { imageInventory } from '../../images/inventory.ts';
import { loadImages, packImages } from '../../images/bundle.ts';
import { REQUIRED_LAB_IMAGES, workloadImageNames } from '../../lab/images-check.ts';
import { bold, dim, green, yellow } from '../output.ts';
import { addImages } from '../../lab/images-add.ts';
import type {
  imagesAddFlags,
  imagesBuildFlags,
  imagesListFlags,
  imagesLoadFlags,
  imagesPackFlags,
  imagesPullThroughFlags,
} from '../verbs/images.ts';
import {
  PullThroughSettingSchema,
  pullThroughUpstream,
  readPullThrough,
  upstreamAnswers,
  writePullThrough,
} from '../../images/pull-through-setting.ts';
import { UsageError } from '../usage-error.ts';

function formatBytes(bytes: number | null): string {
  if (bytes === null) return '-';
  return bytes >= 1024 ** 3
    ? `${(bytes / 1024 ** 3).toFixed(2)} GiB`
    : `${(bytes / 1024 ** 2).toFixed(0)} MiB`;
}

export const build: VerbRun<typeof imagesBuildFlags> = async ({ positionals }) => {
  const client = await requireEngine();
  const controller = new AbortController();
  process.once('SIGINT', () => controller.abort());
  const started = performance.now();
  const results = await buildImages(
    client,
    positionals,
    buildProgressPrinter(process.stdout),
    controller.signal,
  );
  const wall = (performance.now() - started) / 1000;
  const built = results.filter((result) => result.built);
  console.log(
    built.length
      ? `built ${built.length} image(s) in ${wall.toFixed(0)} s: ${built.map((r) => `${r.image} ${r.seconds.toFixed(0)}s`).join(', ')}`
      : 'every image is up to date',
  );
  return 0;
};

export const list: VerbRun<typeof imagesListFlags> = async ({ values }) => {
  const images = await imageInventory(await requireEngine());
  if (values.json) {
    console.log(JSON.stringify(images, null, 2));
    return 0;
  }
  console.log(
    bold(`${'IMAGE'.padEnd(26)}${'STATE'.padEnd(12)}${'SIZE'.padEnd(11)}${'BUILT'.padEnd(22)}REF`),
  );
  for (const image of images) {
    const word = !image.present ? 'missing' : image.upToDate ? 'current' : 'stale';
    const state = (image.upToDate ? green : yellow)(word) + ' '.repeat(12 - word.length);
    console.log(
      `${image.name.padEnd(26)}${state}${formatBytes(image.sizeBytes).padEnd(11)}${(image.builtAt?.slice(0, 19) ?? '-').padEnd(22)}${image.ref}`,
    );
  }
  return 0;
};

export const pack: VerbRun<typeof imagesPackFlags> = async ({ positionals }) => {
  const [file, ...names] = positionals as [string, ...string[]];
  const chosen = names.length ? names : [...REQUIRED_LAB_IMAGES, ...workloadImageNames()];
  const manifest = await packImages(await requireEngine(), chosen, file, (m) => console.log(m));
  const gib = (manifest.payload.bytes / 1024 ** 3).toFixed(2);
  console.log(
    green(
      `packed ${manifest.images.length} images into ${file} (${gib} GiB, sha256 ${manifest.payload.sha256.slice(0, 16)}…)`,
    ),
  );
  return 0;
};

export const load: VerbRun<typeof imagesLoadFlags> = async ({ positionals }) => {
  const file = positionals[0]!;
  const manifest = await loadImages(await requireEngine(), file, (m) => console.log(m));
  console.log(green(`loaded ${manifest.images.map((image) => image.name).join(', ')}`));
  return 0;
};

export const add: VerbRun<typeof imagesAddFlags> = async ({ positionals, values }) => {
  const source = positionals[0]!;
  const result = await addImages(await requireEngine(), source, values.as, (m) => {
    if (!values.json) console.log(dim(m));
  });
  if (values.json) {
    console.log(JSON.stringify(result, null, 2));
    return 0;
  }
  for (const image of result.added)
    console.log(green(`added ${image.name}`) + dim(` (${image.digest.slice(0, 19)}…)`));
  console.log(
    'The lab registry is shared: every lab on this machine can run it now' +
      (result.mirroredInto.length
        ? ` (mirror entries written in ${result.mirroredInto.length} running node(s)).`
        : '.'),
  );
  return 0;
};

export const pullThrough: VerbRun<typeof imagesPullThroughFlags> = async ({
  positionals,
  values,
}) => {
  const mode = positionals[0];
  let setting = await readPullThrough();
  if (mode !== undefined || values.upstream !== undefined) {
    if (mode !== undefined && mode !== 'auto' && mode !== 'on' && mode !== 'off')
      throw new UsageError(`MODE must be auto, on or off, not "${mode}"`);
    const parsed = PullThroughSettingSchema.safeParse({
      mode: mode ?? setting.mode,
      upstream: values.upstream ?? setting.upstream,
    });
    if (!parsed.success)
      throw new UsageError(
        `--upstream ${values.upstream}: give a registry URL (http:// or https://)`,
      );
    setting = parsed.data;
    await writePullThrough(setting);
  }
  const answers = await upstreamAnswers(setting.upstream);
  const { upstream, why } = await pullThroughUpstream(setting, () => Promise.resolve(answers));
  if (values.json) {
    console.log(
      JSON.stringify({ ...setting, answers, usedAtNextStart: upstream !== null }, null, 2),
    );
    return 0;
  }
  console.log(`pull-through: ${setting.mode}, upstream ${setting.upstream}`);
  console.log(
    upstream
      ? green(`a lab started now gets a pull-through cache (${why})`)
      : `a lab started now gets none: ${why}`,
  );
  console.log(
    dim('Labs take this at their next start (kubelab up). The cache is shared by every lab.'),
  );
  return 0;
};
