// Adds, replaces or removes a lab's entries (`kubelab-<lab>` cluster, user and context) in a
// kubeconfig the learner already has — ~/.kube/config with their clouds, kind and k3d clusters —
// the way kind and k3d do, but without re-serialising the file: every other entry, comment and
// blank line stays byte-for-byte as it was. The edit is a text splice at the ranges the YAML
// parser reports; afterwards the result is parsed again and every other entry is compared with
// the original, so a file this cannot splice safely is refused (MERGE_UNSAFE), never mangled.
import { isDeepStrictEqual } from 'node:util';
import { isMap, isScalar, isSeq, parseDocument, stringify } from 'yaml';
import type { Node as YamlNode } from 'yaml';
import { LabError } from '../api/errors.ts';

export const SECTIONS = ['clusters', 'contexts', 'users'] as const;
type Section = (typeof SECTIONS)[number];

/** The three entries of one lab, as plain objects ready to be written. */
export type LabEntries = Record<Section, { name: string } & Record<string, unknown>>;

/** `kubelab-<lab>` entries from the lab's own kubeconfig (one cluster, one user). */
export function labEntries(name: string, labKubeconfig: string): LabEntries {
  const parsed = parseDocument(labKubeconfig).toJS() as {
    clusters?: { cluster: Record<string, unknown> }[];
    users?: { user: Record<string, unknown> }[];
  };
  const cluster = parsed.clusters?.[0]?.cluster;
  const user = parsed.users?.[0]?.user;
  if (!cluster || !user) {
    throw new LabError('KUBECONFIG_INVALID', 'The lab’s kubeconfig has no cluster or user.', {
      fix: 'Run `kubelab up` again: it rewrites the lab’s kubeconfig.',
    });
  }
  return {
    clusters: { cluster, name },
    contexts: { context: { cluster: name, user: name }, name },
    users: { name, user },
  };
}

const nameOf = (item: unknown): unknown => (isMap(item) ? item.get('name') : undefined);

function lineStart(text: string, at: number): number {
  return text.lastIndexOf('\n', at - 1) + 1;
}

function nextLineStart(text: string, at: number): number {
  const newline = text.indexOf('\n', at);
  return newline < 0 ? text.length : newline + 1;
}

/** An item as block-sequence text: `- key: …` with the sequence's own dash indent. */
function itemText(item: Record<string, unknown>, indent: string): string {
  const body = stringify(item, { lineWidth: 0 }).trimEnd().split('\n');
  return body.map((line, i) => `${indent}${i === 0 ? '- ' : '  '}${line}`).join('\n') + '\n';
}

interface Splice {
  from: number;
  to: number;
  text: string;
}

function range(node: YamlNode): [number, number, number] {
  const r = node.range;
  if (!r) throw new Error('node without a source range');
  return r;
}

/** The splices that put `entry` into (or, with entry null, take `name` out of) one section. */
function sectionSplices(
  text: string,
  doc: ReturnType<typeof parseDocument>,
  section: Section,
  name: string,
  entry: Record<string, unknown> | null,
): Splice[] {
  const pair = isMap(doc.contents)
    ? doc.contents.items.find((p) => isScalar(p.key) && p.key.value === section)
    : undefined;
  const value = pair?.value;
  if (!pair || value == null) {
    if (!entry) return [];
    const at = text.length;
    const prefix = text.length && !text.endsWith('\n') ? '\n' : '';
    return [{ from: at, to: at, text: `${prefix}${section}:\n${itemText(entry, '')}` }];
  }
  if (isScalar(value) && (value.value === null || value.value === '')) {
    if (!entry) return [];
    const [start, end] = range(value);
    return [{ from: start, to: end, text: `\n${itemText(entry, '').trimEnd()}` }];
  }
  if (!isSeq(value) || value.flow) {
    if (isSeq(value) && value.items.length === 0 && entry) {
      const [start, end] = range(value);
      return [{ from: start, to: end, text: `\n${itemText(entry, '').trimEnd()}` }];
    }
    if (!entry && isSeq(value) && !value.items.some((item) => nameOf(item) === name)) return [];
    throw new LabError(
      'MERGE_UNSAFE',
      `The "${section}" list of the kubeconfig is not a block list.`,
      {
        fix: 'Use `kubelab kubeconfig --print` and add the entries by hand, or set KUBECONFIG to the lab’s own file (`kubelab env`).',
      },
    );
  }
  const items = value.items as YamlNode[];
  const indentOf = (item: YamlNode): string => {
    const start = range(item)[0];
    const line = text.slice(lineStart(text, start), start);
    return line.replace(/-\s*$/, '').replace(/[^ ]/g, ' ');
  };
  const indent = items.length ? indentOf(items[0]!) : '';
  const index = items.findIndex((item) => nameOf(item) === name);
  if (index >= 0) {
    const from = lineStart(text, range(items[index]!)[0]);
    const next = items[index + 1];
    const to = next
      ? lineStart(text, range(next)[0])
      : nextLineStart(text, range(items[index]!)[1] - 1);
    return [{ from, to, text: entry ? itemText(entry, indent) : '' }];
  }
  if (!entry) return [];
  const last = items[items.length - 1];
  const at = last ? nextLineStart(text, range(last)[1] - 1) : nextLineStart(text, range(value)[0]);
  const prefix = at === text.length && !text.endsWith('\n') ? '\n' : '';
  return [{ from: at, to: at, text: prefix + itemText(entry, indent) }];
}

function currentContextSplice(
  text: string,
  doc: ReturnType<typeof parseDocument>,
  name: string,
  mode: 'set' | 'unset-if-ours',
): Splice[] {
  const pair = isMap(doc.contents)
    ? doc.contents.items.find((p) => isScalar(p.key) && p.key.value === 'current-context')
    : undefined;
  const value = pair?.value;
  if (mode === 'unset-if-ours') {
    if (!isScalar(value) || value.value !== name) return [];
    const [start, end] = range(value);
    return [{ from: start, to: end, text: '""' }];
  }
  if (isScalar(value) && range(value)[1] > range(value)[0]) {
    const [start, end] = range(value);
    return [{ from: start, to: end, text: name }];
  }
  if (pair && isScalar(pair.key)) {
    // `current-context:` with no value: the value goes right after the key's colon.
    const keyEnd = range(pair.key)[1];
    const colon = text.indexOf(':', keyEnd);
    return [{ from: colon + 1, to: colon + 1, text: ` ${name}` }];
  }
  const prefix = text.length && !text.endsWith('\n') ? '\n' : '';
  return [{ from: text.length, to: text.length, text: `${prefix}current-context: ${name}\n` }];
}

function apply(text: string, splices: Splice[]): string {
  let out = text;
  // From the end, so earlier offsets stay valid.
  for (const s of [...splices].sort((a, b) => b.from - a.from)) {
    out = out.slice(0, s.from) + s.text + out.slice(s.to);
  }
  return out;
}

type Plain = Record<string, unknown> & Partial<Record<Section, { name?: unknown }[] | null>>;

function others(config: Plain, name: string): unknown {
  const rest: Record<string, unknown> = { ...config };
  delete rest['current-context'];
  for (const section of SECTIONS) {
    const list = config[section] ?? [];
    rest[section] = Array.isArray(list) ? list.filter((item) => item?.name !== name) : list;
  }
  return rest;
}

function parsePlain(text: string, what: string): Plain {
  const doc = parseDocument(text);
  if (doc.errors.length) {
    throw new LabError(
      'KUBECONFIG_INVALID',
      `${what} is not valid YAML: ${doc.errors[0]!.message}`,
      {
        fix: 'Repair the file (or move it aside) and run the command again.',
      },
    );
  }
  return (doc.toJS() ?? {}) as Plain;
}

/**
 * The kubeconfig text with the lab's entries added or replaced (and current-context switched to
 * it), or with them removed (entries null; current-context unset if it was the lab's).
 */
export function spliceKubeconfig(text: string, name: string, entries: LabEntries | null): string {
  const source = text.trim() ? text : 'apiVersion: v1\nkind: Config\npreferences: {}\n';
  const before = parsePlain(source, 'The kubeconfig');
  const doc = parseDocument(source);
  const splices = SECTIONS.flatMap((section) =>
    sectionSplices(source, doc, section, name, entries ? entries[section] : null),
  );
  splices.push(...currentContextSplice(source, doc, name, entries ? 'set' : 'unset-if-ours'));
  const result = apply(source, splices);
  // The guard: every entry that is not the lab's must read exactly as before, and the lab's
  // must read as written.
  const after = parsePlain(result, 'The merged kubeconfig');
  const ours = SECTIONS.every((section) => {
    const found = (after[section] ?? []).filter((item) => item?.name === name);
    return entries
      ? found.length === 1 && isDeepStrictEqual(found[0], entries[section])
      : found.length === 0;
  });
  const stillOthers = isDeepStrictEqual(others(after, name), others(before, name));
  if (!ours || !stillOthers) {
    throw new LabError(
      'MERGE_UNSAFE',
      'The kubeconfig could not be edited without changing other entries.',
      {
        fix: 'Use `kubelab kubeconfig --print` and add the entries by hand, or set KUBECONFIG to the lab’s own file (`kubelab env`).',
      },
    );
  }
  return result;
}
