// The lint half of the layer rule, proven with ESLint's Node API and the repository's own
// eslint.config.js: an upward import is an error, a legal one passes, and an e2e spec importing
// main/ internals (not the contract) is an error too. Type-aware rules are switched off so that files which exist only in this test
// can be linted (and in seconds rather than a minute); the layer rule needs no types.
import { join, resolve } from 'node:path';
import { ESLint } from 'eslint';
import tseslint from 'typescript-eslint';
import { describe, expect, it } from 'vitest';

const ROOT = resolve(import.meta.dirname, '..');

const eslint = new ESLint({
  cwd: ROOT,
  overrideConfigFile: join(ROOT, 'eslint.config.js'),
  overrideConfig: tseslint.configs.disableTypeChecked,
});

/** The no-restricted-imports findings for `code` as if it were the file `file`. */
async function importFindings(
  file: string,
  code: string,
): Promise<Array<{ severity: number; line: number }>> {
  const [result] = await eslint.lintText(code, { filePath: join(ROOT, file) });
  return (result?.messages ?? [])
    .filter((message) => message.ruleId === 'no-restricted-imports')
    .map(({ severity, line }) => ({ severity, line }));
}

const ERROR = 2;

/** What a probe file imports, and the findings expected on its lines (1-based). */
const CASES: Array<{
  what: string;
  file: string;
  imports: string[];
  expected: Array<{ severity: number; line: number }>;
}> = [
  {
    what: 'fails a domain file importing an entry or the API implementation',
    file: 'main/lab/layer-probe.ts',
    imports: ['../cli/commands/up.ts', '../api/implementation.ts', '../app.ts'],
    expected: [1, 2, 3].map((line) => ({ severity: ERROR, line })),
  },
  {
    what: 'sees the same import from a deeper folder',
    file: 'main/lab/topology/layer-probe.ts',
    imports: ['../../cli/command.ts', '../../api/errors.ts'],
    expected: [{ severity: ERROR, line: 1 }],
  },
  {
    what: 'fails a shared file importing the domain or the api implementation next to it',
    file: 'main/api/schemas/layer-probe.ts',
    imports: ['../../lab/config.ts', '../dispatcher.ts', './lab.ts', '../contract.ts'],
    expected: [1, 2].map((line) => ({ severity: ERROR, line })),
  },
  {
    what: 'passes imports that point down or sideways',
    file: 'main/lab/layer-probe.ts',
    imports: [
      '../api/errors.ts',
      '../api/schemas/lab.ts',
      '../engine/docker.ts',
      './config.ts',
      '../paths.ts',
    ],
    expected: [],
  },
  {
    what: 'lets an entry import anything below it',
    file: 'main/cli/layer-probe.ts',
    imports: ['../api/implementation.ts', '../lab/config.ts'],
    expected: [],
  },
  {
    what: 'fails an e2e spec importing main/ internals, not one importing the contract',
    file: 'e2e/layer-probe.spec.ts',
    imports: [
      '../main/lab/config.ts',
      '../main/api/contract.ts',
      '../main/api/schemas/topology.ts',
    ],
    expected: [{ severity: ERROR, line: 1 }],
  },
];

describe('ESLint refuses upward imports between the layers of main/', () => {
  it.each(CASES)(
    '$what',
    async ({ file, imports, expected }) => {
      const code = imports.map((path, index) => `export * as m${index} from '${path}';`).join('\n');
      expect(await importFindings(file, code)).toEqual(expected);
    },
    // The first case loads the whole ESLint config (every plugin): slow on a busy machine.
    120_000,
  );
});
