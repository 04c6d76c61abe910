// The lint half of the layer rule, proven with ESLint's Node API and the repository's own
// eslint.config.js: an upward import is an error, a legal one passes, and e2e specs are warned off
// main/ internals. Type-aware rules are switched off so that files which exist only in this test
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
const WARNING = 1;

describe('ESLint refuses upward imports between the layers of main/', () => {
  it('fails a domain file importing an entry or the API implementation', async () => {
    const code = [
      "export { run } from '../cli/commands/up.ts';",
      "export { buildImplementation } from '../api/implementation.ts';",
      "export { buildApp } from '../app.ts';",
    ].join('\n');
    expect(await importFindings('main/lab/layer-probe.ts', code)).toEqual([
      { severity: ERROR, line: 1 },
      { severity: ERROR, line: 2 },
      { severity: ERROR, line: 3 },
    ]);
  }, 60_000);

  it('sees the same import from a deeper folder', async () => {
    const code = "import type { VerbRun } from '../../cli/command.ts';\nexport type { VerbRun };";
    expect(await importFindings('main/lab/topology/layer-probe.ts', code)).toEqual([
      { severity: ERROR, line: 1 },
    ]);
  }, 60_000);

  it('fails a shared file importing the domain or api implementation next to it', async () => {
    const code = [
      "export { labConfig } from '../../lab/config.ts';",
      "export { dispatch } from '../dispatcher.ts';",
      "export { LabRefSchema } from './lab.ts';",
      "export { ContractSchema } from '../contract.ts';",
    ].join('\n');
    expect(await importFindings('main/api/schemas/layer-probe.ts', code)).toEqual([
      { severity: ERROR, line: 1 },
      { severity: ERROR, line: 2 },
    ]);
  }, 60_000);

  it('passes imports that point down or sideways', async () => {
    const code = [
      "export { LabError } from '../api/errors.ts';",
      "export { LabNameSchema } from '../api/schemas/lab.ts';",
      "export { requireEngine } from '../engine/docker.ts';",
      "export { labConfig } from './config.ts';",
      "export { kubelabHome } from '../paths.ts';",
    ].join('\n');
    expect(await importFindings('main/lab/layer-probe.ts', code)).toEqual([]);
    const entry = "export { buildImplementation } from '../api/implementation.ts';";
    expect(await importFindings('main/cli/layer-probe.ts', entry)).toEqual([]);
  }, 60_000);

  it('warns an e2e spec off main/ internals but not off the contract', async () => {
    const code = [
      "export { labDir } from '../main/lab/config.ts';",
      "export { ContractSchema } from '../main/api/contract.ts';",
      "export { TopologySchema } from '../main/api/schemas/topology.ts';",
    ].join('\n');
    expect(await importFindings('e2e/layer-probe.spec.ts', code)).toEqual([
      { severity: WARNING, line: 1 },
    ]);
  }, 60_000);
});
