import { mkdir, mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import type { CatalogWatch } from './watch.ts';
import { watchCatalog } from './watch.ts';

let watcher: CatalogWatch | undefined;
afterEach(() => watcher?.close());

function nextChange(roots: string[]): { changes: Promise<string[]> } {
  let resolve: (changed: string[]) => void = () => undefined;
  const changes = new Promise<string[]>((r) => (resolve = r));
  watcher = watchCatalog(roots, resolve, { debounceMs: 50 });
  return { changes };
}

describe('watchCatalog', () => {
  it('reports one burst of writes in a nested folder once, with the paths', async () => {
    const root = await mkdtemp(join(tmpdir(), 'kubelab-watch-'));
    await mkdir(join(root, 'demo', 'steps'), { recursive: true });
    const { changes } = nextChange([root]);
    await writeFile(join(root, 'demo', 'steps', '01.md'), 'one');
    await writeFile(join(root, 'demo', 'scenario.yaml'), 'id: demo');
    const changed = await changes;
    expect(changed).toContain(join('demo', 'steps', '01.md'));
    expect(changed).toContain(join('demo', 'scenario.yaml'));
    await rm(root, { recursive: true, force: true });
  });

  it('follows a scenario folder created after it started', async () => {
    const root = await mkdtemp(join(tmpdir(), 'kubelab-watch-'));
    let seen: string[] = [];
    watcher = watchCatalog([root], (changed) => (seen = [...seen, ...changed]), {
      debounceMs: 50,
    });
    await mkdir(join(root, 'new-one'));
    await new Promise((r) => setTimeout(r, 200));
    await writeFile(join(root, 'new-one', 'scenario.yaml'), 'id: new-one');
    await expect.poll(() => seen, { timeout: 2000 }).toContain(join('new-one', 'scenario.yaml'));
    await rm(root, { recursive: true, force: true });
  });

  it('says which folder cannot be watched and keeps the others', () => {
    const errors: string[] = [];
    watcher = watchCatalog(['/nonexistent-kubelab-folder'], () => undefined, {
      onError: (dir) => errors.push(dir),
    });
    expect(errors).toEqual(['/nonexistent-kubelab-folder']);
  });
});
