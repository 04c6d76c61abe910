// The CLI's prebuilt JavaScript: compiling the TypeScript with tsx at every start cost 1.5-2 s
// (`kubelab version` included), so the first run bundles main/cli with esbuild into a cache and
// later runs import that bundle directly. The cache is keyed by the size and mtime of every file
// esbuild read (its metafile), so an edit anywhere the CLI can reach rebuilds it; checking costs
// one small JSON read and a stat per input. esbuild comes with tsx (a dependency), so it is there
// whenever the sources could run; when it is missing anyway or the build fails, the caller falls
// back to tsx, so `npx kubelab` keeps working with no build step.
//
// The cache lives under the checkout's node_modules/.cache on purpose: main/paths.ts finds the
// app root by walking up from the running module to kubelab's package.json, which must work
// from the bundle as it does from the sources.
import {
  mkdirSync,
  mkdtempSync,
  readFileSync,
  readdirSync,
  renameSync,
  rmSync,
  statSync,
  writeFileSync,
} from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

const ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '..');
const ENTRY = 'main/cli/index.ts';
// This file's build options are an input too: changing them must not reuse an old bundle.
const SELF = 'bin/cli-bundle.js';
const CURRENT = 'current.json';
const STALE_MS = 24 * 3600_000;

/**
 * KUBELAB_CLI_CACHE moves the cache, for the tests of this file only: a bundle run from outside
 * the checkout would not find the app root (see above).
 */
export function cacheDir() {
  return process.env.KUBELAB_CLI_CACHE
    ? resolve(process.env.KUBELAB_CLI_CACHE)
    : join(ROOT, 'node_modules', '.cache', 'kubelab-cli');
}

/**
 * cyrb53, a fast non-cryptographic string hash: this only tells one state of the sources from
 * another, and node:crypto alone would take longer to load (≈8 ms) than every stat together.
 */
function hash53(text) {
  let h1 = 0xdeadbeef;
  let h2 = 0x41c6ce57;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    h1 = Math.imul(h1 ^ c, 2654435761);
    h2 = Math.imul(h2 ^ c, 1597334677);
  }
  h1 = Math.imul(h1 ^ (h1 >>> 16), 2246822507) ^ Math.imul(h2 ^ (h2 >>> 13), 3266489909);
  h2 = Math.imul(h2 ^ (h2 >>> 16), 2246822507) ^ Math.imul(h1 ^ (h1 >>> 13), 3266489909);
  return (4294967296 * (2097151 & h2) + (h1 >>> 0)).toString(16).padStart(14, '0');
}

/** @param {string[]} inputs repository-relative paths */
function stampOf(inputs) {
  let text = '';
  for (const input of [SELF, ...inputs]) {
    const stat = statSync(join(ROOT, input));
    text += `${input}\0${stat.size}\0${stat.mtimeMs}\n`;
  }
  return hash53(text);
}

/** The cached bundle's entry when it was built from the sources as they are now, else null. */
function cachedEntry(dir) {
  try {
    /** @type {{ stamp: string, inputs: string[] }} */
    const current = JSON.parse(readFileSync(join(dir, CURRENT), 'utf8'));
    // A deleted input throws here: that is a stale cache too.
    if (stampOf(current.inputs) !== current.stamp) return null;
    const entry = join(dir, current.stamp, 'index.js');
    statSync(entry);
    return entry;
  } catch {
    return null;
  }
}

/** Another process may write the same file at the same time: write aside, then rename. */
function writeAtomically(file, text) {
  const temp = `${file}.${process.pid}.tmp`;
  writeFileSync(temp, text);
  renameSync(temp, file);
}

/** Old builds a running CLI could still be loading chunks from are kept for a day. */
function prune(dir, keep) {
  for (const name of readdirSync(dir)) {
    if (name === keep || name === CURRENT) continue;
    const path = join(dir, name);
    try {
      if (Date.now() - statSync(path).mtimeMs > STALE_MS)
        rmSync(path, { recursive: true, force: true });
    } catch {
      // another process pruned it first
    }
  }
}

/** Bundled into the CLI rather than loaded from node_modules (see buildOptions). */
const BUNDLED_PACKAGES = ['zod', 'yaml'];

/** Every other package kubelab or its dev tools name, with its subpaths. */
function externalPackages() {
  const manifest = JSON.parse(readFileSync(join(ROOT, 'package.json'), 'utf8'));
  const names = Object.keys({
    ...manifest.dependencies,
    ...manifest.devDependencies,
    ...manifest.optionalDependencies,
  }).filter((name) => !BUNDLED_PACKAGES.includes(name));
  return names.flatMap((name) => [name, `${name}/*`]);
}

/**
 * esbuild's options for the CLI bundle in `outdir`: the same for the cache here and for the
 * copy an installer carries (`node bin/cli-bundle.js --out out/cli`, run by `npm run build`).
 */
export function buildOptions(outdir) {
  return {
    absWorkingDir: ROOT,
    entryPoints: { index: ENTRY },
    outdir,
    bundle: true,
    platform: 'node',
    target: 'node20.19',
    format: 'esm',
    // Each verb's implementation is its own chunk, imported only when the verb runs.
    splitting: true,
    chunkNames: 'chunks/[name]-[hash]',
    // Packages (dockerode with its optional native ssh2/cpu-features, node-pty, electron)
    // resolve from node_modules at run time, as they do under tsx — in an installed app, from
    // the node_modules inside app.asar, next to out/cli — but for the pure-JavaScript ones
    // every verb loads: from node_modules, zod and yaml cost ≈ 50 ms of each command's start
    // (hundreds of files resolved and read one by one); bundled, a fraction of that.
    external: externalPackages(),
    // A bundled CommonJS package (yaml's Node build) calls require() for Node's own modules;
    // esbuild's ESM output answers those through a require this banner gives every file.
    banner: {
      js: "import { createRequire as kubelabCreateRequire } from 'node:module'; const require = kubelabCreateRequire(import.meta.url);",
    },
    // Stack traces of unexpected errors name the .ts sources (maps are read only if enabled).
    sourcemap: 'linked',
    sourcesContent: false,
    metafile: true,
    logLevel: 'silent',
  };
}

/**
 * The files whose change must rebuild the bundle: every source esbuild read, but a bundled
 * package stands for its hundreds of files by its package.json (a new version rewrites it).
 */
function stampInputs(read) {
  const inputs = new Set(
    read.map((input) => {
      const bundled = /^node_modules\/((?:@[^/]+\/)?[^/]+)\//.exec(input);
      return bundled ? `node_modules/${bundled[1]}/package.json` : input;
    }),
  );
  return [...inputs].sort();
}

async function build(dir) {
  /** @type {typeof import('esbuild')} */
  let esbuild;
  try {
    esbuild = await import('esbuild');
  } catch {
    return null;
  }
  // Every build writes to its own folder and renames it into place, so two first runs at once
  // never see each other's half-written files.
  let temp;
  try {
    mkdirSync(dir, { recursive: true });
    temp = mkdtempSync(join(dir, 'tmp-'));
  } catch {
    return null; // a read-only install: run the sources
  }
  const started = Date.now();
  try {
    const result = await esbuild.build(buildOptions(temp));
    const inputs = stampInputs(Object.keys(result.metafile.inputs));
    const stamp = stampOf(inputs);
    const final = join(dir, stamp);
    try {
      renameSync(temp, final);
    } catch {
      // Another process built the same sources first: use its copy.
      rmSync(temp, { recursive: true, force: true });
      statSync(join(final, 'index.js'));
    }
    // A file saved while esbuild ran may be newer than what it read: run this build, but let
    // the next start build again rather than trust it.
    const edited = inputs.some((input) => statSync(join(ROOT, input)).mtimeMs >= started);
    if (!edited) {
      writeAtomically(join(dir, CURRENT), JSON.stringify({ stamp, inputs }));
      prune(dir, stamp);
    }
    return join(final, 'index.js');
  } catch {
    rmSync(temp, { recursive: true, force: true });
    return null;
  }
}

/** The bundle to import, built if needed; null means "run the sources through tsx". */
export async function cliBundle() {
  const dir = cacheDir();
  return cachedEntry(dir) ?? (await build(dir));
}

// `node bin/cli-bundle.js --out DIR`: the bundle into DIR (emptied first), for installers.
if (process.argv[1] && resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  const at = process.argv.indexOf('--out');
  const out = at > 0 ? process.argv[at + 1] : undefined;
  if (!out) {
    console.error('usage: node bin/cli-bundle.js --out DIR');
    process.exit(2);
  }
  const outdir = resolve(out);
  rmSync(outdir, { recursive: true, force: true });
  const esbuild = await import('esbuild');
  await esbuild.build({ ...buildOptions(outdir), metafile: false, logLevel: 'warning' });
  console.log(`kubelab CLI bundled into ${outdir}`);
}
