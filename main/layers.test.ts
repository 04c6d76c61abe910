// The layers of main/ (declared in main/layers.js: shared < domain < api < entries), enforced
// here by resolving every import of a non-test file: each must point down or sideways, never up.
// eslint.config.js refuses the same imports while editing; this test also catches what a lint
// pattern cannot see (an unusual spelling such as '../lab/../cli/x.ts', a file no layer names).
import { readFileSync, readdirSync, statSync } from 'node:fs';
import { dirname, join, relative, resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import { describe, expect, it } from 'vitest';

const MAIN = resolve(import.meta.dirname);

/** layers.js is plain JavaScript (eslint.config.js loads it), so its export is typed here. */
async function loadLayerOf(): Promise<(file: string) => number> {
  const module: unknown = await import(pathToFileURL(join(MAIN, 'layers.js')).href);
  if (
    typeof module !== 'object' ||
    module === null ||
    !('layerOf' in module) ||
    typeof module.layerOf !== 'function'
  ) {
    throw new Error('main/layers.js must export layerOf(file)');
  }
  return module.layerOf as (file: string) => number;
}
const layerInList = await loadLayerOf();

function layerOf(file: string): number {
  const layer = layerInList(file);
  if (layer < 0) throw new Error(`main/${file} is in no layer: add it to main/layers.js`);
  return layer;
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
