// The CLI starts at once because `help`, `--help`, `version` and `completion` never load the
// heavy modules (dockerode, zod, the lab, the engine). Checked twice, neither by timing: the
// static import graph of the sources, and what a real `node bin/kubelab.js …` resolves, seen
// by a module resolve hook, from the cached bundle and from the sources through tsx.
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join, relative, resolve } from 'node:path';
import { describe, expect, it } from 'vitest';

const ROOT = resolve(import.meta.dirname, '../..');
// api/errors.ts and the error-codes table it imports are light: plain classes and data.
const HEAVY =
  /dockerode|\/zod\/|\/main\/(lab|engine|images|bundle|scenarios|checker|api\/(?!errors|error-codes))/;

/** Files and packages reachable from `file` through static imports (not `import()`, not types). */
function staticGraph(file: string, seen = new Set<string>()): Set<string> {
  if (seen.has(file)) return seen;
  seen.add(file);
  if (!file.startsWith('/')) return seen;
  const text = readFileSync(file, 'utf8');
  const pattern = /^(?:import|export)(?!\s+type\b)(?:[^'";]*?\sfrom)?\s*'([^']+)'/gms;
  for (const [, target] of text.matchAll(pattern)) {
    staticGraph(target!.startsWith('.') ? resolve(dirname(file), target!) : target!, seen);
  }
  return seen;
}

const show = (files: Set<string>): string[] =>
  [...files].map((f) => (f.startsWith('/') ? relative(ROOT, f) : f)).sort();

describe('what the light verbs load', () => {
  it('the entry and the registry import nothing but node: builtins and light files', () => {
    const loaded = show(staticGraph(join(ROOT, 'main/cli/index.ts')));
    const outside = loaded.filter(
      (f) =>
        !f.startsWith('node:') &&
        !/^main\/cli\/(verbs\/)?[a-z-]+\.ts$/.test(f) &&
        f !== 'main/api/errors.ts' &&
        f !== 'main/api/error-codes.ts',
    );
    expect(outside).toEqual([]);
    expect(loaded).toContain('main/cli/verbs/up.ts');
    expect(loaded.filter((f) => f.startsWith('main/cli/commands/'))).toEqual([]);
  });

  it.each(['help', 'version', 'completion'])('the %s implementation stays light too', (verb) => {
    const loaded = show(staticGraph(join(ROOT, `main/cli/commands/${verb}.ts`)));
    expect(loaded.filter((f) => !f.startsWith('node:') && !f.startsWith('main/'))).toEqual([]);
    expect(loaded.filter((f) => HEAVY.test(`/${f}`))).toEqual([]);
  });
});

function hookDir(): string {
  const dir = mkdtempSync(join(tmpdir(), 'kubelab-startup-'));
  writeFileSync(
    join(dir, 'hooks.mjs'),
    `import { appendFileSync } from 'node:fs';
let log;
export function initialize(data) { log = data.log; }
export async function resolve(specifier, context, next) {
  const result = await next(specifier, context);
  appendFileSync(log, result.url + '\\n');
  return result;
}
`,
  );
  writeFileSync(
    join(dir, 'register.mjs'),
    `import { register } from 'node:module';
register(new URL('./hooks.mjs', import.meta.url), { data: { log: process.env.KUBELAB_TEST_LOG } });
`,
  );
  return dir;
}

/** Runs the real CLI; returns its output and every module URL it resolved. */
function kubelab(
  args: string[],
  env: Record<string, string> = {},
): {
  status: number | null;
  stdout: string;
  urls: string[];
} {
  const dir = hookDir();
  const log = join(dir, 'resolved.log');
  writeFileSync(log, '');
  const result = spawnSync(
    process.execPath,
    ['--import', join(dir, 'register.mjs'), 'bin/kubelab.js', ...args],
    {
      cwd: ROOT,
      encoding: 'utf8',
      env: { ...process.env, ...env, KUBELAB_TEST_LOG: log, NO_COLOR: '1' },
    },
  );
  return {
    status: result.status,
    stdout: result.stdout,
    urls: readFileSync(log, 'utf8').split('\n').filter(Boolean),
  };
}

const LIGHT_RUNS = [['version'], ['help'], ['up', '--help'], ['completion', 'bash']];

describe('node bin/kubelab.js', () => {
  it.each(LIGHT_RUNS)(
    'from the cached bundle: %s loads no dockerode, zod or lab module',
    (...args) => {
      const run = kubelab(args);
      expect(run.status).toBe(0);
      expect(run.stdout).not.toBe('');
      expect(run.urls.filter((url) => HEAVY.test(url))).toEqual([]);
      // The bundle ran (esbuild is installed with the dev dependencies), not the tsx fallback.
      expect(run.urls.some((url) => url.includes('/node_modules/.cache/kubelab-cli/'))).toBe(true);
      expect(run.urls.some((url) => url.endsWith('.ts'))).toBe(false);
    },
    60_000,
  );

  it.each([['version'], ['up', '--help']])(
    'from the sources through tsx: %s loads no dockerode, zod or lab module',
    (...args) => {
      const run = kubelab(args, { KUBELAB_CLI_TSX: '1' });
      expect(run.status).toBe(0);
      expect(run.urls).toContain(`file://${ROOT}/main/cli/index.ts`);
      expect(run.urls.filter((url) => HEAVY.test(url))).toEqual([]);
    },
    60_000,
  );

  it('the hook does see a heavy verb load dockerode (the checks above can fail)', () => {
    const run = kubelab(['up', '--nodes', '9'], { KUBELAB_CLI_TSX: '1' });
    expect(run.status).toBe(2);
    expect(run.urls.some((url) => url.includes('dockerode'))).toBe(true);
  }, 60_000);
});
