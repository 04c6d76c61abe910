// bin/cli-bundle.js: the cached esbuild bundle the `kubelab` command runs. Builds go to a
// throwaway cache folder (KUBELAB_CLI_CACHE) so the checkout's own cache is left alone.
import { spawn } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { describe, expect, it } from 'vitest';

const ROOT = resolve(import.meta.dirname, '../..');

/** cliBundle() in a fresh node process: the entry file it returns ('' for "use tsx"). */
function cliBundle(cache: string): Promise<string> {
  return new Promise((done, fail) => {
    const child = spawn(
      process.execPath,
      [
        '--input-type=module',
        '-e',
        "console.log((await import('./bin/cli-bundle.js').then((m) => m.cliBundle())) ?? '')",
      ],
      { cwd: ROOT, env: { ...process.env, KUBELAB_CLI_CACHE: cache } },
    );
    let out = '';
    child.stdout.on('data', (chunk: Buffer) => (out += chunk.toString()));
    child.on('error', fail);
    child.on('exit', (code) => (code === 0 ? done(out.trim()) : fail(new Error(`exit ${code}`))));
  });
}

describe('the CLI bundle cache', () => {
  it('two first runs at once build one good bundle, and the next run reuses it', async () => {
    const cache = mkdtempSync(join(tmpdir(), 'kubelab-cli-cache-'));
    const [a, b] = await Promise.all([cliBundle(cache), cliBundle(cache)]);
    expect(a).toMatch(/index\.js$/);
    expect(b).toBe(a);
    expect(existsSync(a)).toBe(true);
    // No half-written build folder is left behind.
    expect(readdirSync(cache).filter((name) => name.startsWith('tmp-'))).toEqual([]);
    const current = JSON.parse(readFileSync(join(cache, 'current.json'), 'utf8')) as {
      inputs: string[];
    };
    expect(current.inputs).toContain('main/cli/index.ts');
    expect(current.inputs).toContain('main/cli/commands/up.ts');
    // Packages stay in node_modules, but for the bundled ones, each stamped by its package.json.
    expect(current.inputs.filter((input) => input.includes('node_modules'))).toEqual([
      'node_modules/yaml/package.json',
      'node_modules/zod/package.json',
    ]);
    expect(await cliBundle(cache)).toBe(a);
    rmSync(cache, { recursive: true, force: true });
  }, 120_000);

  it('rebuilds when the recorded stamp no longer matches the sources', async () => {
    const cache = mkdtempSync(join(tmpdir(), 'kubelab-cli-cache-'));
    const first = await cliBundle(cache);
    const file = join(cache, 'current.json');
    const current = JSON.parse(readFileSync(file, 'utf8')) as { stamp: string; inputs: string[] };
    writeFileSync(file, JSON.stringify({ ...current, stamp: 'not-these-sources' }));
    expect(await cliBundle(cache)).toBe(first);
    expect(JSON.parse(readFileSync(file, 'utf8'))).toEqual(current);
    rmSync(cache, { recursive: true, force: true });
  }, 120_000);
});
