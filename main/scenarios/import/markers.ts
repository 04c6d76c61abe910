// Killercoda's action markers in step Markdown, read into plain Markdown segments. Killercoda
// marks what a click does right after the code: a fenced block closed by ```{{exec}} runs in the
// terminal, {{copy}} only copies, {{exec interrupt}} presses Ctrl+C first, inline `cmd`{{exec}}
// runs one line, `x`{{}} turns copying off, and Katacoda's {{execute}} / {{execute HOST2}} name
// the host. kubelab classifies blocks by language instead (CodeBlock.svelte: a shell block gets
// "Send to terminal" and Copy, ```text and ```yaml only Copy), so a marker becomes the block's
// language, and the commands a click would run become the step's solve.
import type { NodeName } from '../nodes.ts';

/** What a marker asks for; `node` from Katacoda's HOSTn (null: Killercoda's first host). */
export interface Marker {
  action: 'exec' | 'copy' | 'plain' | 'unknown';
  node: NodeName | null;
  interrupt: boolean;
  /** Words kubelab has nothing for (T2 = a second terminal tab, open, …). */
  unsupported: string[];
}

export type Segment =
  | { kind: 'prose'; lines: string[] }
  | {
      kind: 'block';
      /** The opening line's prefix (a list item's `- `), and the indent of the lines after it. */
      lead: string;
      indent: string;
      fence: string;
      lang: string;
      /** The code, without the fence's indentation. */
      body: string;
      /** A block whose commands a click would run (they go into the solve). */
      runs: boolean;
      /** 1-based line of the Killercoda text it came from. */
      line: number;
    };

export interface ImportedCommand {
  command: string;
  node: NodeName | null;
  /** Killercoda would press Ctrl+C before it: the command before this one runs until stopped. */
  interrupt: boolean;
  /** 1-based line of the Killercoda text. */
  line: number;
}

export interface MarkerNote {
  line: number;
  kind: 'unmapped' | 'review' | 'assumed';
  message: string;
}

export interface ConvertedText {
  segments: Segment[];
  commands: ImportedCommand[];
  notes: MarkerNote[];
  /** Copy-only blocks: kept, but not run by the solve. */
  copyBlocks: number;
}

const HOST_NODES: Record<string, NodeName> = {
  HOST1: 'control-plane',
  HOST2: 'worker1',
  HOST3: 'worker2',
};

const SHELL_LANGS = new Set(['', 'bash', 'sh', 'shell', 'console', 'plain', 'text', 'none']);

/** `exec interrupt`, `execute HOST2`, `copy`, `` → what kubelab makes of it. */
export function parseMarker(inner: string): Marker {
  const [word = '', ...rest] = inner.trim().split(/\s+/).filter(Boolean);
  const marker: Marker = { action: 'unknown', node: null, interrupt: false, unsupported: [] };
  if (word === '') marker.action = 'plain';
  else if (word === 'exec' || word === 'execute') marker.action = 'exec';
  else if (word === 'copy') marker.action = 'copy';
  else marker.unsupported.push(word);
  for (const modifier of rest) {
    const host = HOST_NODES[modifier.toUpperCase()];
    if (host) marker.node = host;
    else if (modifier === 'interrupt') marker.interrupt = true;
    // Katacoda typed the command without pressing Enter: the learner runs it, as with copy.
    else if (modifier === 'no-newline' && marker.action === 'exec') {
      marker.action = 'copy';
      marker.unsupported.push(modifier);
    } else marker.unsupported.push(modifier);
  }
  return marker;
}

/** The explanation of marker words kubelab has no counterpart for. */
function unsupportedMessage(raw: string, words: readonly string[]): string {
  const reasons = words.map((word) => {
    if (/^T\d+$/i.test(word)) return `${word}: kubelab has one terminal per node, not tabs`;
    if (word === 'open') return 'open: kubelab has no editor to open a file in';
    if (word === 'no-newline') return 'no-newline: kept as a block to copy (not run by the solve)';
    return `${word}: unknown`;
  });
  return `marker ${raw}: ${reasons.join('; ')}`;
}

function markerNotes(raw: string, marker: Marker, line: number): MarkerNote[] {
  const notes: MarkerNote[] = [];
  if (marker.unsupported.length > 0) {
    notes.push({ line, kind: 'unmapped', message: unsupportedMessage(raw, marker.unsupported) });
  }
  if (marker.interrupt) {
    notes.push({
      line,
      kind: 'review',
      message: `${raw}: Killercoda pressed Ctrl+C first; the block now says so in a comment, and the command before it is left out of the solve (it ran until stopped)`,
    });
  }
  return notes;
}

/** Comment lines a run block gets for what the marker said and kubelab cannot do by itself. */
function commentLines(marker: Marker): string[] {
  const lines: string[] = [];
  if (marker.interrupt) lines.push('# first stop the command still running (Ctrl+C)');
  if (marker.node) lines.push(`# on ${marker.node}`);
  return lines;
}

/** The language a block gets: shell when it runs, its own or text when it does not. */
function blockLanguage(lang: string, marker: Marker | null): string {
  const shellish = SHELL_LANGS.has(lang.toLowerCase());
  if (marker?.action === 'exec') return 'bash';
  if (marker?.action === 'copy') return shellish ? 'bash' : lang;
  // No marker (or {{}}): Killercoda only showed it, usually output; kubelab must not offer to send it.
  return shellish ? 'text' : lang;
}

const OPEN_FENCE = /^(\s*)(`{3,}|~{3,})\s*([^\s`{]*)[^`]*$/;
const INLINE_MARKED = /`([^`\n]+)`\{\{([^{}\n]*)\}\}/g;
const STRAY_MARKER = /\{\{[^{}\n]*\}\}/g;
const IMAGE = /!\[[^\]]*\]\(([^)\s]+)[^)]*\)/g;
const HTML_TAG = /<\/?[a-zA-Z][\w-]*(?:\s[^<>]*)?\/?>/;
const LIST_PREFIX = /^(\s*(?:[-*+]|\d+[.)])\s+|\s*)/;

function dedent(line: string, width: number): string {
  let cut = 0;
  while (cut < width && line[cut] === ' ') cut++;
  return line.slice(cut);
}

/** A closing fence for `fence`, and the marker right after it, if any. */
function closing(line: string, fence: string): { marker: string | null } | null {
  const match = /^\s*(`{3,}|~{3,})\s*(\{\{([^{}\n]*)\}\})?\s*$/.exec(line);
  if (!match || match[1]![0] !== fence[0] || match[1]!.length < fence.length) return null;
  return { marker: match[2] === undefined ? null : (match[3] ?? '') };
}

class Converter {
  readonly out: ConvertedText = { segments: [], commands: [], notes: [], copyBlocks: 0 };
  private prose: string[] = [];

  flushProse(): void {
    if (this.prose.length > 0) this.out.segments.push({ kind: 'prose', lines: this.prose });
    this.prose = [];
  }

  proseLine(line: string): void {
    this.prose.push(line);
  }

  block(segment: Extract<Segment, { kind: 'block' }>): void {
    this.flushProse();
    this.out.segments.push(segment);
  }

  command(command: string, marker: Marker, line: number): void {
    this.out.commands.push({ command, node: marker.node, interrupt: marker.interrupt, line });
  }

  note(note: MarkerNote): void {
    this.out.notes.push(note);
  }
}

/** A fenced block from its opening line to its closing fence; returns the next line's index. */
function fencedBlock(lines: readonly string[], start: number, c: Converter): number {
  const open = OPEN_FENCE.exec(lines[start]!)!;
  const [, indent = '', fence = '```', lang = ''] = open;
  const body: string[] = [];
  let i = start + 1;
  let markerText: string | null = null;
  let closed = false;
  for (; i < lines.length; i++) {
    const end = closing(lines[i]!, fence);
    if (end) {
      markerText = end.marker;
      closed = true;
      i++;
      break;
    }
    body.push(dedent(lines[i]!, indent.length));
  }
  const raw = markerText === null ? null : `{{${markerText}}}`;
  const marker = markerText === null ? null : parseMarker(markerText);
  const line = start + 1;
  if (marker && raw) for (const note of markerNotes(raw, marker, line)) c.note(note);
  if (!closed) c.note({ line, kind: 'review', message: 'a code block that is never closed' });
  const runs = marker?.action === 'exec';
  if (runs) c.command(body.join('\n'), marker, line);
  if (marker?.action === 'copy') c.out.copyBlocks++;
  const comments = marker && runs ? commentLines(marker) : [];
  c.block({
    kind: 'block',
    lead: indent,
    indent,
    fence,
    lang: blockLanguage(lang, marker),
    body: [...comments, ...body].join('\n'),
    runs,
    line,
  });
  return i;
}

/** One line outside code blocks: inline markers, and markers kubelab does not know. */
function proseLine(lines: readonly string[], index: number, c: Converter): void {
  const text = lines[index]!;
  const line = index + 1;
  const run: { command: string; marker: Marker }[] = [];
  const converted = text.replace(INLINE_MARKED, (raw: string, code: string, inner: string) => {
    const marker = parseMarker(inner);
    for (const note of markerNotes(`{{${inner}}}`, marker, line)) c.note(note);
    if (marker.action === 'exec') run.push({ command: code, marker });
    if (marker.action === 'copy') c.out.copyBlocks++;
    return `\`${code}\``;
  });
  const outsideCode = converted.replace(/`[^`\n]*`/g, '');
  for (const match of outsideCode.matchAll(STRAY_MARKER)) {
    c.note({
      line,
      kind: 'unmapped',
      message: `${match[0]} is a Killercoda placeholder kubelab does not fill in (left in the text as written)`,
    });
  }
  // kubelab's Markdown (renderer/src/lib/markdown.ts) shows an image as its alt text and raw
  // HTML as text: both stay, noted.
  for (const match of outsideCode.matchAll(IMAGE)) {
    c.note({
      line,
      kind: 'unmapped',
      message: `image ${match[1]}: kubelab shows only its alt text`,
    });
  }
  const tag = HTML_TAG.exec(outsideCode);
  if (tag) {
    c.note({ line, kind: 'unmapped', message: `HTML ${tag[0]}: kubelab shows HTML as text` });
  }
  if (run.length === 0) {
    c.proseLine(converted);
    return;
  }
  for (const { command, marker } of run) c.command(command, marker, line);
  const prefix = LIST_PREFIX.exec(converted)?.[0] ?? '';
  const indent = ' '.repeat(prefix.length);
  const rest = converted
    .slice(prefix.length)
    .replace(/`[^`\n]*`/g, (span) => (run.some((r) => `\`${r.command}\`` === span) ? '' : span));
  const comments = run.flatMap(({ marker }) => commentLines(marker));
  const body = [...new Set(comments), ...run.map((r) => r.command)].join('\n');
  const block = { kind: 'block' as const, fence: '```', lang: 'bash', body, runs: true, line };
  if (/^[\s,;.:]*$/.test(rest)) {
    // The line is only the command(s): the block takes its place (inside its list item).
    c.block({ ...block, lead: prefix, indent });
    return;
  }
  // A command inside a sentence: the sentence stays, the command follows it as a block.
  c.proseLine(converted);
  c.proseLine('');
  c.block({ ...block, lead: indent, indent });
  if ((lines[index + 1] ?? '').trim() !== '') c.proseLine('');
}

/** Killercoda Markdown → segments, the commands its clicks would run, and notes by line. */
export function convertMarkers(markdown: string): ConvertedText {
  const lines = markdown.replace(/\r\n/g, '\n').split('\n');
  const c = new Converter();
  let i = 0;
  while (i < lines.length) {
    if (OPEN_FENCE.test(lines[i]!)) {
      i = fencedBlock(lines, i, c);
      continue;
    }
    proseLine(lines, i, c);
    i++;
  }
  c.flushProse();
  return c.out;
}

/** Segments back to Markdown. */
export function renderSegments(segments: readonly Segment[]): string {
  const lines: string[] = [];
  for (const segment of segments) {
    if (segment.kind === 'prose') {
      lines.push(...segment.lines);
      continue;
    }
    lines.push(`${segment.lead}${segment.fence}${segment.lang}`);
    if (segment.body !== '') {
      for (const line of segment.body.split('\n'))
        lines.push(line ? `${segment.indent}${line}` : '');
    }
    lines.push(`${segment.indent}${segment.fence}`);
  }
  return lines.join('\n');
}
