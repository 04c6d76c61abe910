// Killercoda's assets (files copied to a host when the scenario starts) as the scenario's
// `files:` in the long form: which node, where, with which mode. Killercoda's targets are
// folders; its home /root (and ~) is the learner home on kubelab, `~/` in a placement.
import type { NodeName } from '../nodes.ts';
import type { NoteList } from './report.ts';
import type { RewriteContext } from './rewrite.ts';
import { describeRewrites, rewrite } from './rewrite.ts';
import { ASSETS_DIR } from './read.ts';

/** Killercoda's host names (and Katacoda's host02…) → kubelab's nodes. */
export const HOST_NODES: Readonly<Record<string, NodeName>> = {
  host01: 'control-plane',
  controlplane: 'control-plane',
  node01: 'worker1',
  host02: 'worker1',
  node02: 'worker2',
  host03: 'worker2',
};

/** A `files:` entry as scenario.yaml will say it. */
export interface PlacedFileEntry {
  source: string;
  to: string;
  node: NodeName;
  mode?: string;
}

export interface MappedAssets {
  files: PlacedFileEntry[];
  /** Output files (path in the kubelab folder → content), rewritten for the lab. */
  outputs: Map<string, string>;
  /** Nodes the assets go to (the cluster must have them). */
  nodes: Set<NodeName>;
}

/** Killercoda's target folder as a kubelab destination folder, ending in `/`. */
export function mapTarget(target: string): { to: string; changed: boolean } {
  const trimmed = target.trim().replace(/\/+$/, '');
  const folder = (): string => {
    if (trimmed === '' || trimmed === '~' || trimmed === '/root') return '~/';
    if (trimmed.startsWith('/root/')) return `~/${trimmed.slice('/root/'.length)}/`;
    if (trimmed.startsWith('~/') || trimmed.startsWith('/')) return `${trimmed}/`;
    // A relative target: Killercoda copies relative to the home it works in.
    return `~/${trimmed}/`;
  };
  const to = folder();
  return { to, changed: to !== `${trimmed}/` };
}

/** chmod as Killercoda takes it → an octal mode, or why there is none. */
export function mapChmod(chmod: string | number): { mode?: string; note?: string } {
  const text = String(chmod).trim();
  if (/^0?[0-7]{3}$/.test(text)) return { mode: text.padStart(4, '0') };
  if (/^[ugoa]*\+x$/.test(text)) {
    return {
      mode: '0755',
      note: `chmod "${text}" became mode "0755" (readable by all, executable)`,
    };
  }
  return {
    note: `chmod "${text}" has no octal counterpart kubelab can set: the file keeps mode 0644`,
  };
}

function globRegExp(pattern: string): RegExp {
  if (pattern === '*') return /^.+$/;
  const escaped = pattern.replace(/[.+^${}()|[\]\\]/g, '\\$&');
  return new RegExp(`^${escaped.replace(/\*/g, '[^/]*').replace(/\?/g, '[^/]')}$`);
}

/** A path the scenario format accepts (letters, digits, `_ . / -`). */
function safePath(path: string): string {
  return path.replace(/[^\w./-]/g, '-');
}

function isText(content: Buffer): boolean {
  return !content.includes(0) && Buffer.from(content.toString('utf8'), 'utf8').equals(content);
}

function contextOf(path: string): RewriteContext {
  return /\.(?:sh|bash)$/.test(path) || !/\.[^/]+$/.test(path) ? 'shell' : 'text';
}

export function mapAssets(
  assets: Readonly<
    Record<string, readonly { file: string; target: string; chmod?: string | number | undefined }[]>
  >,
  available: readonly string[],
  files: ReadonlyMap<string, Buffer>,
  notes: NoteList,
): MappedAssets {
  const mapped: MappedAssets = { files: [], outputs: new Map(), nodes: new Set() };
  const rewritten = new Set<string>();
  for (const [host, list] of Object.entries(assets)) {
    const node = HOST_NODES[host];
    list.forEach((asset, i) => {
      const say = notes.at(`index.json: details.assets.${host}[${i}]`);
      if (!node) {
        say(
          'unmapped',
          `host "${host}" has no kubelab node (control-plane, worker1, worker2): ${asset.file} not imported`,
        );
        return;
      }
      const matches = available.filter((path) => globRegExp(asset.file).test(path));
      if (matches.length === 0)
        say('unmapped', `"${asset.file}" matches no file under ${ASSETS_DIR}/`);
      const target = mapTarget(asset.target);
      if (target.changed) say('changed', `target ${asset.target} → ${target.to}`);
      const chmod = asset.chmod === undefined ? {} : mapChmod(asset.chmod);
      if (chmod.note) say(chmod.mode ? 'changed' : 'unmapped', chmod.note);
      for (const path of matches) {
        const content = files.get(`${ASSETS_DIR}/${path}`);
        const where = notes.at(`${ASSETS_DIR}/${path}`);
        if (!content || !isText(content)) {
          where('unmapped', 'not a UTF-8 text file: kubelab places only text files on nodes');
          continue;
        }
        const source = `${ASSETS_DIR}/${safePath(path)}`;
        const name = path.slice(path.lastIndexOf('/') + 1);
        const to = safePath(path) === path ? target.to : `${target.to}${name}`;
        if (!rewritten.has(source)) {
          rewritten.add(source);
          const result = rewrite(content.toString('utf8'), contextOf(path));
          if (result.counts.size > 0) where('changed', describeRewrites(result.counts));
          if (source !== `${ASSETS_DIR}/${path}`) where('changed', `stored as ${source}`);
          mapped.outputs.set(source, result.text);
        }
        mapped.files.push({ source, to, node, ...(chmod.mode ? { mode: chmod.mode } : {}) });
        mapped.nodes.add(node);
      }
    });
  }
  return mapped;
}
