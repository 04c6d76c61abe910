// Reads a Killercoda scenario folder into memory: index.json, every file it names, and every file
// under assets/. The mapping that follows is pure; this is the only place it touches the disk.
import { readFile, readdir, stat } from 'node:fs/promises';
import { join, relative, resolve, sep } from 'node:path';
import { LabError } from '../../api/errors.ts';
import type { KillercodaIndex, KillercodaPage, KillercodaStep } from './index-json.ts';
import { parseIndex } from './index-json.ts';

export const INDEX_FILE = 'index.json';
export const ASSETS_DIR = 'assets';

export interface KillercodaFolder {
  /** The folder as given (for messages). */
  dir: string;
  index: KillercodaIndex;
  /** index.json as parsed, before validation: its unknown keys are reported. */
  raw: unknown;
  /** Contents by path relative to the folder (`/`-separated); a named file that is missing is absent. */
  files: ReadonlyMap<string, Buffer>;
  /** Paths under assets/, relative to it. */
  assets: readonly string[];
}

/** Every file path index.json names (texts and scripts), in the order of the scenario. */
export function namedPaths(index: KillercodaIndex): string[] {
  const { intro, steps, finish } = index.details;
  const ofPage = (page: KillercodaPage | undefined): (string | undefined)[] =>
    page ? [page.text, page.background, page.foreground, page.courseData, page.code] : [];
  const ofStep = (step: KillercodaStep): (string | undefined)[] => [...ofPage(step), step.verify];
  const all = [...ofPage(intro), ...steps.flatMap(ofStep), ...ofPage(finish)];
  return [...new Set(all.filter((path): path is string => path !== undefined))];
}

/** The path inside `root`, or null when it points outside (`../`, absolute). */
function inside(root: string, path: string): string | null {
  const full = resolve(root, path);
  return full.startsWith(root + sep) ? full : null;
}

async function filesUnder(dir: string, base: string): Promise<string[]> {
  const entries = await readdir(dir, { withFileTypes: true }).catch(() => []);
  const nested = await Promise.all(
    entries.map((entry) => {
      const path = join(dir, entry.name);
      if (entry.isDirectory()) return filesUnder(path, base);
      return Promise.resolve(entry.isFile() ? [relative(base, path).split(sep).join('/')] : []);
    }),
  );
  return nested.flat().sort();
}

export async function readKillercodaFolder(dir: string): Promise<KillercodaFolder> {
  const root = resolve(dir);
  const isDir = await stat(root).then(
    (s) => s.isDirectory(),
    () => false,
  );
  if (!isDir) {
    throw new LabError('NOT_KILLERCODA', `${dir}: there is no such folder.`, {
      fix: 'Pass the folder of one Killercoda scenario (the one holding index.json).',
    });
  }
  const indexText = await readFile(join(root, INDEX_FILE), 'utf8').catch(() => null);
  if (indexText === null) {
    throw new LabError(
      'NOT_KILLERCODA',
      `${dir} has no ${INDEX_FILE}: it is not a Killercoda scenario.`,
      {
        fix: 'Pass the folder of one Killercoda scenario (the one holding index.json), not the repository above it.',
      },
    );
  }
  const { index, raw } = parseIndex(indexText, join(dir, INDEX_FILE));
  const files = new Map<string, Buffer>();
  for (const path of namedPaths(index)) {
    const full = inside(root, path);
    const content = full === null ? null : await readFile(full).catch(() => null);
    if (content !== null) files.set(path, content);
  }
  const assets = await filesUnder(join(root, ASSETS_DIR), join(root, ASSETS_DIR));
  for (const asset of assets) {
    files.set(`${ASSETS_DIR}/${asset}`, await readFile(join(root, ASSETS_DIR, asset)));
  }
  return { dir, index, raw, files, assets };
}
