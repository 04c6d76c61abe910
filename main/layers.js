// The layers of main/, declared once. An import may point down or sideways, never up:
// eslint.config.js turns this list into no-restricted-imports rules (so `npm run lint` fails on
// an upward import), and main/layers.test.ts resolves every import against it (catching the
// spellings a pattern cannot see, and files no layer names). Plain JavaScript because
// eslint.config.js loads it and Node 20 cannot import TypeScript.
import { readdirSync } from 'node:fs';
import { join, posix } from 'node:path';

/**
 * From the bottom. A path ending in '/' is a folder; the most specific path that covers a file
 * decides its layer (api/errors.ts is shared although api/ is the api layer). Folders of one
 * layer may import each other (lab ↔ images ↔ engine).
 */
export const LAYERS = [
  {
    name: 'shared',
    // Loopback-server parsing and secrets, test inputs, and the contract's pieces that the
    // renderer imports too (pure zod, no Node APIs).
    paths: [
      'paths.ts',
      'write-error.ts',
      'write-atomically.ts',
      'process-alive.ts',
      'test-home.ts',
      'abort-after.ts',
      'app-version.ts',
      'http/',
      'fuzz/',
      'api/errors.ts',
      'api/error-codes.ts',
      'api/schemas/',
      'api/ws-protocol.ts',
      'api/envelope.ts',
      'api/contract.ts',
      'api/caller.ts',
      'api/event-bus.ts',
    ],
  },
  {
    name: 'domain',
    paths: [
      'engine/',
      'images/',
      'lab/',
      'scenarios/',
      'files/',
      'preview/',
      'trace/',
      'terminal/',
      'checker/',
      'bundle/',
      'learner/',
      'install/',
    ],
  },
  {
    name: 'api',
    // The contract's implementation and dispatcher.
    paths: ['api/', 'app.ts', 'operations.ts'],
  },
  {
    name: 'entries',
    paths: [
      'cli/',
      'electron/',
      'server/',
      'bench/',
      'packaging/',
      'drills/',
      'conformance/',
      'renderer-build.ts',
    ],
  },
];

/**
 * The layer (index into LAYERS) of a path relative to main/, or -1 when no entry covers it.
 * @param {string} file
 * @returns {number}
 */
export function layerOf(file) {
  let layer = -1;
  let longest = -1;
  LAYERS.forEach(({ paths }, index) => {
    for (const path of paths) {
      const covers = path.endsWith('/') ? file.startsWith(path) : file === path;
      if (covers && path.length > longest) [layer, longest] = [index, path.length];
    }
  });
  return layer;
}

/** @param {string} text */
const escape = (text) => text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

/**
 * How an import written in folder `dir` spells entry `path` (both relative to main/): a regex
 * for no-restricted-imports. A folder's more specific entries in layers ≤ `allowedUpTo` are left
 * out (api/ minus api/errors.ts, api/schemas/ … for the domain layer).
 * @param {string} dir
 * @param {string} path
 * @param {number} allowedUpTo
 */
function specifierRegex(dir, path, allowedUpTo) {
  const rel = posix.relative(dir, path.replace(/\/$/, ''));
  const prefix = rel.startsWith('..') ? rel : rel === '' ? '.' : `./${rel}`;
  if (!path.endsWith('/')) return `^${escape(prefix)}$`;
  const allowed = LAYERS.slice(0, allowedUpTo + 1)
    .flatMap((layer) => layer.paths)
    .filter((inner) => inner !== path && inner.startsWith(path))
    .map((inner) => escape(inner.slice(path.length)) + (inner.endsWith('/') ? '' : '$'));
  // `(?!\.\.?/)`: from inside the folder, `../` followed by more `../` leaves it.
  const exceptions = allowed.length ? `(?!(?:${allowed.join('|')}))` : '';
  return `^${escape(prefix)}/(?!\\.\\.?/)${exceptions}`;
}

/**
 * The no-restricted-imports setting for code of `layer` in folder `dir`.
 * @param {string} dir
 * @param {number} layer
 * @returns {import('eslint').Linter.RuleEntry}
 */
function importRule(dir, layer) {
  const patterns = LAYERS.slice(layer + 1).flatMap((upper) =>
    upper.paths.map((path) => ({
      regex: specifierRegex(dir, path, layer),
      caseSensitive: true,
      message: `main/${path} is ${upper.name}, above ${LAYERS[layer]?.name} code: imports point down or sideways (shared < domain < api < entries, main/layers.js).`,
    })),
  );
  return patterns.length ? ['error', { patterns }] : 'off';
}

/** @param {string} root @param {string} dir @returns {string[]} */
function folders(root, dir = '') {
  return [
    dir,
    ...readdirSync(join(root, dir), { withFileTypes: true })
      .filter((entry) => entry.isDirectory())
      .flatMap((entry) => folders(root, posix.join(dir, entry.name))),
  ];
}

/**
 * ESLint config blocks that refuse upward imports in main/ (`mainDir`): one per folder, since a
 * relative import names its target from where it stands, and one per file that a layer names on
 * its own (api/errors.ts). Tests are free to import anything, as in main/layers.test.ts.
 * @param {string} mainDir
 * @returns {import('eslint').Linter.Config[]}
 */
export function layerImportConfigs(mainDir) {
  return folders(mainDir).flatMap((dir) => {
    const glob = (/** @type {string} */ name) => posix.join('main', dir, name);
    const folderLayer = layerOf(`${dir}/`);
    const ownFiles = LAYERS.flatMap((layer) => layer.paths).filter(
      (path) => !path.endsWith('/') && posix.dirname(path) === (dir || '.'),
    );
    return [
      ...(folderLayer < 0
        ? []
        : [
            {
              files: [glob('*.ts')],
              rules: { 'no-restricted-imports': importRule(dir, folderLayer) },
            },
          ]),
      ...ownFiles.map((path) => ({
        files: [posix.join('main', path)],
        rules: { 'no-restricted-imports': importRule(dir, layerOf(path)) },
      })),
    ].map((config) => ({ ...config, ignores: ['**/*.test.ts'] }));
  });
}
