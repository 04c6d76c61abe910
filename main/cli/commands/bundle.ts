// `kubelab bundle create FILE [--scenarios A,B] [--images A,B] [--scenarios-dir DIR]`,
// `kubelab bundle load FILE`, `kubelab bundle inspect FILE`: the offline-workshop artefact.
import { mkdir, readFile, writeFile } from 'node:fs/promises';
import { join, resolve } from 'node:path';
import type { VerbRun } from '../command.ts';
import { LabError } from '../../api/errors.ts';
import { createWorkshopBundle } from '../../bundle/create.ts';
import type { BundleProgress } from '../../bundle/create.ts';
import { readBundleHead } from '../../bundle/inspect.ts';
import { generateSigningKey, signManifest } from '../../bundle/signature.ts';
import { trustDecision } from '../../bundle/trust-policy.ts';
import { loadWorkshopBundle } from '../../bundle/load.ts';
import { describeManifest } from '../../bundle/manifest.ts';
import { requireEngine } from '../../engine/docker.ts';
import { IMAGE_CATALOG } from '../../images/catalog.ts';
import { readAddedImages } from '../../images/added.ts';
import type { AddedImage } from '../../images/added.ts';
import { parseImageRef } from '../../images/reference.ts';
import { REQUIRED_LAB_IMAGES, workloadImageNames } from '../../lab/images-check.ts';
import type { LoadedScenario } from '../../scenarios/load.ts';
import { installedScenariosRoot, loadAllScenarios } from '../../scenarios/load.ts';
import { scenarioById } from '../../scenarios/by-id.ts';
import { askYesNo, canAsk } from '../confirm.ts';
import { bold, green } from '../output.ts';
import { UsageError } from '../usage-error.ts';
import type {
  bundleCreateFlags,
  bundleInspectFlags,
  bundleKeygenFlags,
  bundleLoadFlags,
} from '../verbs/bundle.ts';
import { scenariosRoot } from './scenario-args.ts';

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
    throw new UsageError(
      `--images: unknown image(s) ${unknown.join(', ')} (lab images: ${known.join(', ')})`,
    );
  return names;
}

/** `--added all|none|A,B` against what `images add` recorded (names as added or as pods use them). */
export function chosenAddedImages(flag: string | undefined, recorded: AddedImage[]): AddedImage[] {
  if (flag === undefined || flag === 'all') return recorded;
  if (flag === 'none') return [];
  const wanted = list(flag);
  const byName = (name: string): AddedImage | undefined => {
    const full = parseImageRef(name).full;
    return recorded.find((image) => image.name === full);
  };
  const missing = wanted.filter((name) => !byName(name));
  if (missing.length)
    throw new UsageError(
      `--added: ${missing.join(', ')} ${missing.length === 1 ? 'was' : 'were'} not added (added: ${recorded.map((image) => image.name).join(', ') || 'none'}); add with \`kubelab images add\``,
    );
  return wanted.map((name) => byName(name)!);
}

export const create: VerbRun<typeof bundleCreateFlags> = async ({ values, positionals }) => {
  const file = positionals[0]!;
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
  const addedImages = chosenAddedImages(values.added, await readAddedImages());
  // The key is checked before minutes of docker save, not after.
  const key = values.sign === undefined ? null : await readSigningKey(values.sign);
  const client = await requireEngine();
  const manifest = await createWorkshopBundle(client, file, {
    images,
    scenarios,
    onProgress: progressPrinter(),
    ...(key ? { signingKeyPem: key.pem } : {}),
    addedImages,
  });
  if (process.stdout.isTTY) process.stdout.write('\n');
  console.log(describeManifest(manifest));
  console.log(green(`created ${file}`));
  if (key)
    console.log(
      `signed by ${bold(key.fingerprint)} — give learners this fingerprint to compare when they load it`,
    );
  else
    console.log(
      'not signed: learners must confirm they trust the file (sign with --sign KEY; make a key with `kubelab bundle keygen`)',
    );
  return 0;
};

async function readSigningKey(path: string): Promise<{ pem: string; fingerprint: string }> {
  let pem: string;
  try {
    pem = await readFile(path, 'utf8');
  } catch {
    throw new LabError('BAD_KEY', `There is no signing key ${path}.`, {
      fix: 'Make one with `kubelab bundle keygen` and pass its .key file to --sign.',
    });
  }
  try {
    return { pem, fingerprint: signManifest(Buffer.from('probe'), pem).fingerprint };
  } catch (error) {
    throw new LabError(
      'BAD_KEY',
      `${path} is not an Ed25519 private key (${error instanceof Error ? error.message : String(error)}).`,
      { fix: 'Pass the .key file `kubelab bundle keygen` wrote (not the .pub one).' },
    );
  }
}

export const keygen: VerbRun<typeof bundleKeygenFlags> = async ({ values }) => {
  const dir = resolve(values.out);
  const keyFile = join(dir, 'kubelab-signing.key');
  const pubFile = join(dir, 'kubelab-signing.pub');
  const key = generateSigningKey();
  await mkdir(dir, { recursive: true });
  try {
    // 'wx': never overwrite a key bundles were already signed with
    await writeFile(keyFile, key.privateKeyPem, { flag: 'wx', mode: 0o600 });
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'EEXIST')
      throw new LabError('KEY_EXISTS', `${keyFile} exists already; it was left as it is.`, {
        fix: 'Keep signing with it, or pass another folder with --out DIR.',
      });
    throw error;
  }
  await writeFile(pubFile, key.publicKeyPem, { flag: 'w', mode: 0o644 });
  console.log(`private key: ${keyFile} (keep it to yourself; sign with --sign ${keyFile})`);
  console.log(`public key:  ${pubFile}`);
  console.log(
    `fingerprint: ${bold(key.fingerprint)} — learners compare it when they load your bundles`,
  );
  return 0;
};

/** On a terminal, the learner decides; elsewhere only --trust / --trust-unsigned do. */
async function askTrust(signer: string | null): Promise<boolean> {
  if (!canAsk()) return false;
  if (process.stdout.isTTY) process.stdout.write('\n');
  return askYesNo(
    signer
      ? `This bundle is signed by ${signer}, a signer this machine has not trusted yet.\n` +
          `Compare it with the fingerprint your instructor gives you. Trust this signer (asked once)? [y/N] `
      : `This bundle is NOT signed: nobody vouches for it. Its scenarios run commands as root in the\n` +
          `lab's nodes, which have root power over this computer. I trust this file [y/N] `,
  );
}

export const load: VerbRun<typeof bundleLoadFlags> = async ({ values, positionals }) => {
  const file = positionals[0]!;
  const result = await loadWorkshopBundle(await requireEngine(), file, {
    onProgress: progressPrinter(),
    decideTrust: trustDecision(
      { fingerprint: values.trust, unsigned: values['trust-unsigned'] },
      askTrust,
    ),
  });
  if (process.stdout.isTTY) process.stdout.write('\n');
  console.log(
    green(
      `loaded ${result.manifest.images.length} images and ${result.installedScenarios.length} scenarios (${result.installedScenarios.join(', ') || 'none'}) in ${result.seconds.toFixed(0)} s`,
    ),
  );
  console.log(
    result.signer ? `signed by ${result.signer}` : 'unsigned (you confirmed you trust it)',
  );
  for (const id of result.replacedBuiltIns)
    console.log(
      `note: the bundle's scenario "${id}" replaces the built-in one of that id (the catalogue marks it; remove ${join(installedScenariosRoot(), id)} to get the built-in back)`,
    );
  return 0;
};

export const inspect: VerbRun<typeof bundleInspectFlags> = async ({ values, positionals }) => {
  const file = positionals[0]!;
  const { manifest, signer } = await readBundleHead(file);
  console.log(
    values.json
      ? JSON.stringify({ ...manifest, signer }, null, 2)
      : `${describeManifest(manifest)}\nsigned by: ${signer ?? 'nobody (unsigned)'}`,
  );
  return 0;
};
