// The layers of main/, enforced: every import of a non-test file must point down or sideways,
// never up. From the bottom:
//   0 shared    paths, process-alive, app-version, http/ (parsing and secrets for loopback
//               servers), fuzz/ (test inputs), and the contract's shared pieces: api/errors.ts,
//               api/schemas/*, api/contract.ts (pure zod), api/ws-protocol.ts, api/envelope.ts
//               and the caller/event-bus types
//   1 domain    engine, images, lab, scenarios, files, preview, terminal, checker, bundle,
//               learner (check/solve/progress as a learner does them, on top of checker)
//   2 api       the contract's implementation and dispatcher (api/*, app.ts, operations.ts)
//   3 entries   cli, electron, server, bench, packaging, drills, conformance, renderer-build
// A domain folder may import another domain folder (lab ↔ images ↔ engine); nothing below the
// entries may import an entry, and nothing below api may import api's implementation.
import { readFileSync, readdirSync, statSync } from 'node:fs';
import { dirname, join, relative, resolve } from 'node:path';
import { describe, expect, it } from 'vitest';

const MAIN = resolve(import.meta.dirname);

const SHARED_API = [
  /^api\/errors\.ts$/,
  /^api\/schemas\//,
  /^api\/ws-protocol\.ts$/,
  /^api\/envelope\.ts$/,
  /^api\/contract\.ts$/,
  /^api\/caller\.ts$/,
  /^api\/event-bus\.ts$/,
];
const SHARED_ROOT = ['paths.ts', 'process-alive.ts', 'app-version.ts'];
const DOMAIN = [
  'engine',
  'images',
  'lab',
  'scenarios',
  'files',
  'preview',
  'terminal',
  'checker',
  'bundle',
  'learner',
];
const ENTRIES = ['cli', 'electron', 'server', 'bench', 'packaging', 'drills', 'conformance'];

function layerOf(file: string): number {
  const [top] = file.split('/');
  if (SHARED_ROOT.includes(file) || top === 'http' || top === 'fuzz') return 0;
  if (top === 'api') return SHARED_API.some((rule) => rule.test(file)) ? 0 : 2;
  if (DOMAIN.includes(top!)) return 1;
  if (file === 'app.ts' || file === 'operations.ts') return 2;
  if (ENTRIES.includes(top!) || file === 'renderer-build.ts') return 3;
  throw new Error(`main/${file} is in no layer: add it to main/layers.test.ts`);
}

function sources(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    if (statSync(path).isDirectory()) return sources(path);
    return name.endsWith('.ts') && !name.endsWith('.test.ts') ? [path] : [];
  });
}

function imports(path: string): string[] {
  const text = readFileSync(path, 'utf8');
  return [...text.matchAll(/^(?:import|export)[^'"]*from\s+'(\.[^']+)'/gm)].map((m) => m[1]!);
}

describe('main/ layers', () => {
  it('every import points down or sideways', () => {
    const upward: string[] = [];
    for (const path of sources(MAIN)) {
      const file = relative(MAIN, path);
      for (const target of imports(path)) {
        const to = relative(MAIN, resolve(dirname(path), target));
        if (to.startsWith('..')) continue; // outside main/ (package.json, renderer types)
        if (layerOf(to) > layerOf(file)) upward.push(`${file} → ${to}`);
      }
    }
    expect(upward).toEqual([]);
  });

  it('knows every file (a new folder must be placed in a layer)', () => {
    for (const path of sources(MAIN)) expect(() => layerOf(relative(MAIN, path))).not.toThrow();
  });
});
