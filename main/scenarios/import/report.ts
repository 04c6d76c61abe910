// What an import could not carry over, changed on the way, filled in or doubts: one list of notes
// that the CLI prints, writes to IMPORT-REPORT.md and returns in --json. Nothing the Killercoda
// folder holds is dropped without a note here.

export const NOTE_KINDS = ['unmapped', 'changed', 'assumed', 'review'] as const;
export type NoteKind = (typeof NOTE_KINDS)[number];

export interface ImportNote {
  /** unmapped: not imported (no kubelab equivalent); changed: rewritten on the way; assumed: a
   *  value Killercoda does not give, filled in; review: imported, but may not work in the lab. */
  kind: NoteKind;
  /** Where in the Killercoda folder: `index.json: interface`, `step1/text.md:12`, `assets/x`. */
  where: string;
  message: string;
}

export const REPORT_FILE = 'IMPORT-REPORT.md';

const HEADINGS: Record<NoteKind, string> = {
  unmapped: 'Not imported (no kubelab equivalent)',
  changed: 'Changed on the way',
  assumed: 'Filled in (Killercoda does not say)',
  review: 'Imported, but check it in the lab',
};

/** Collects notes; `at` binds the place so a mapper only says what happened. */
export class NoteList {
  readonly notes: ImportNote[] = [];

  add(kind: NoteKind, where: string, message: string): void {
    this.notes.push({ kind, where, message });
  }

  at(where: string): (kind: NoteKind, message: string) => void {
    return (kind, message) => this.add(kind, where, message);
  }
}

export interface ReportHeader {
  source: string;
  id: string;
  steps: number;
  nodes: number;
}

/** IMPORT-REPORT.md: the notes grouped by kind, in the order they were made. */
export function renderReport(header: ReportHeader, notes: readonly ImportNote[]): string {
  const lines = [
    `# Import report: ${header.id}`,
    '',
    `Imported by \`kubelab scenarios import\` from the Killercoda scenario \`${header.source}\`: ` +
      `${header.steps} step(s) on ${header.nodes} node(s).`,
  ];
  if (notes.length === 0) lines.push('', 'Everything was imported as it was.');
  for (const kind of NOTE_KINDS) {
    const group = notes.filter((note) => note.kind === kind);
    if (group.length === 0) continue;
    lines.push('', `## ${HEADINGS[kind]}`, '');
    for (const note of group) lines.push(`- \`${note.where}\`: ${note.message}`);
  }
  return `${lines.join('\n')}\n`;
}

/** The same notes as terminal lines, grouped like the report. */
export function reportLines(notes: readonly ImportNote[]): string[] {
  const lines: string[] = [];
  for (const kind of NOTE_KINDS) {
    const group = notes.filter((note) => note.kind === kind);
    if (group.length === 0) continue;
    lines.push(`${HEADINGS[kind]}:`);
    for (const note of group) lines.push(`  - ${note.where}: ${note.message}`);
  }
  return lines;
}
