import { join } from 'node:path';
// `kubelab bundle create FILE [--scenarios A,B] [--images A,B] [--scenarios-dir DIR]`,
// `kubelab bundle load FILE`, `kubelab bundle inspect FILE`: the offline-workshop artefact.
import { parseArgs } from 'node:util';
import type { CliCommand } from '../command.ts';
import { LabError } from '../../api/errors.ts';
import { createWorkshopBundle } from '../../bundle/create.ts';
import type { BundleProgress } from '../../bundle/create.ts';
import { readBundleManifest } from '../../bundle/inspect.ts';
import { loadWorkshopBundle } from '../../bundle/load.ts';
import { describeManifest } from '../../bundle/manifest.ts';
import { requireEngine } from '../../engine/docker.ts';
import { IMAGE_CATALOG } from '../../images/catalog.ts';
import { REQUIRED_LAB_IMAGES, workloadImageNames } from '../../lab/images-check.ts';
import type { LoadedScenario } from '../../scenarios/load.ts';
import { installedScenariosRoot, loadAllScenarios } from '../../scenarios/load.ts';
import { scenarioById } from '../../scenarios/by-id.ts';
import { green } from '../output.ts';
import { scenariosDirOption, scenariosRoot } from './scenario-args.ts';

const list = (value: string | undefined): string[] =>
  (value ?? '')
    .split(',')
    .map((item) => item.trim())
    .filter(Boolean);

/** A TTY rewrites one line in place; a log gets a line per phase and per 10 %. */
function progressPrinter(): BundleProgress {
  const tty = process.stdout.isTTY;
  let last = '';
  let lastStep = '';
  return (phase, percent, message) => {
    const line = `[${phase}] ${Math.floor(percent)}% ${message}`;
    if (tty) {
      if (line !== last)
        process.stdout.write(`\r\x1b[2K${line.slice(0, (process.stdout.columns || 100) - 1)}`);
      last = line;
      return;
    }
    const step = `${phase} ${Math.floor(percent / 10)}`;
    if (step !== lastStep) process.stdout.write(`${line}\n`);
    lastStep = step;
  };
}

function chosenImages(value: string | undefined): string[] {
  const names = list(value);
  if (!names.length) return [...REQUIRED_LAB_IMAGES, ...workloadImageNames()];
  const known = IMAGE_CATALOG.map((spec) => spec.name);
  const unknown = names.filter((name) => !known.includes(name));
  if (unknown.length)
    throw new LabError('BAD_REQUEST', `--images: unknown image(s) ${unknown.join(', ')}.`, {
      fix: `Lab images: ${known.join(', ')}.`,
    });
  return names;
}

async function create(args: string[]): Promise<number> {
  const { values, positionals } = parseArgs({
    args,
    allowPositionals: true,
    options: { scenarios: { type: 'string' }, images: { type: 'string' }, ...scenariosDirOption },
  });
  const [file, ...extra] = positionals;
  if (!file || extra.length) {
    console.error(`usage: kubelab bundle ${USAGE_CREATE}`);
    return 2;
  }
  const root = await scenariosRoot(values['scenarios-dir']);
  const ids = list(values.scenarios);
  let scenarios: LoadedScenario[];
  if (ids.length) {
    scenarios = [];
    for (const id of ids) scenarios.push(await scenarioById(id, root));
  } else {
    const catalog = await loadAllScenarios(root);
    if (catalog.failures.length)
      throw new LabError(
        'BAD_SCENARIO',
        `Scenario(s) ${catalog.failures.map((f) => f.id).join(', ')} do not load.`,
        { fix: 'Fix them (kubelab scenarios lint DIR) or choose others with --scenarios A,B.' },
      );
    scenarios = catalog.scenarios;
  }
  const images = chosenImages(values.images);
  const client = await requireEngine();
  const manifest = await createWorkshopBundle(client, file, {
    images,
    scenarios,
    onProgress: progressPrinter(),
  });
  if (process.stdout.isTTY) process.stdout.write('\n');
  console.log(describeManifest(manifest));
  console.log(green(`created ${file}`));
  return 0;
}

async function load(args: string[]): Promise<number> {
  const { positionals } = parseArgs({ args, allowPositionals: true, options: {} });
  const [file, ...extra] = positionals;
  if (!file || extra.length) {
    console.error('usage: kubelab bundle load FILE');
    return 2;
  }
  const result = await loadWorkshopBundle(await requireEngine(), file, {
    onProgress: progressPrinter(),
  });
  if (process.stdout.isTTY) process.stdout.write('\n');
  console.log(
    green(
      `loaded ${result.manifest.images.length} images and ${result.installedScenarios.length} scenarios (${result.installedScenarios.join(', ') || 'none'}) in ${result.seconds.toFixed(0)} s`,
    ),
  );
  for (const id of result.replacedBuiltIns)
    console.log(
      `note: the bundle's scenario "${id}" replaces the built-in one of that id (the catalogue marks it; remove ${join(installedScenariosRoot(), id)} to get the built-in back)`,
    );
  return 0;
}

async function inspect(args: string[]): Promise<number> {
  const { values, positionals } = parseArgs({
    args,
    allowPositionals: true,
    options: { json: { type: 'boolean', default: false } },
  });
  const [file] = positionals;
  if (!file) {
    console.error('usage: kubelab bundle inspect FILE [--json]');
    return 2;
  }
  const manifest = await readBundleManifest(file);
  console.log(values.json ? JSON.stringify(manifest, null, 2) : describeManifest(manifest));
  return 0;
}

const USAGE_CREATE = 'create FILE [--scenarios A,B] [--images A,B] [--scenarios-dir DIR]';
const verbs: Record<string, (args: string[]) => Promise<number>> = { create, load, inspect };

export const bundle: CliCommand = {
  name: 'bundle',
  summary:
    'offline workshops: one verified file with the lab images and scenarios; load refuses a damaged one and imports nothing',
  usage: `bundle ${USAGE_CREATE} | load FILE | inspect FILE [--json]`,
  run: async ([verb, ...rest]) => {
    const handler = verb ? verbs[verb] : undefined;
    if (!handler) {
      console.error(`usage: kubelab ${bundle.usage}`);
      return 2;
    }
    return handler(rest);
  },
};
