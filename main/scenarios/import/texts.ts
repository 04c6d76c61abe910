// One Killercoda Markdown file made into a kubelab text: markers read (markers.ts), paths and host
// names rewritten for the lab (rewrite.ts), live-value look-alikes neutralised, and the commands
// its clicks would run handed back for the step's solve. Notes name the file and line.
import type { ImportedCommand } from './markers.ts';
import { convertMarkers, renderSegments } from './markers.ts';
import type { NoteList } from './report.ts';
import { describeRewrites, neutraliseLiveValues, rewrite } from './rewrite.ts';
import { labGaps } from './scan.ts';

export interface ImportedText {
  markdown: string;
  /** The commands of its run blocks, rewritten like the text, in order. */
  commands: ImportedCommand[];
  /** Every shell block's code (run or copy), rewritten: scanned for images. */
  shell: string[];
  copyBlocks: number;
}

const SHELL_BLOCK = new Set(['bash', 'sh', 'shell', 'console']);

export function importText(raw: string, file: string, notes: NoteList): ImportedText {
  const converted = convertMarkers(raw);
  for (const note of converted.notes) notes.add(note.kind, `${file}:${note.line}`, note.message);
  const counts = new Map<string, number>();
  const shell: string[] = [];
  for (const segment of converted.segments) {
    if (segment.kind === 'prose') {
      segment.lines = rewrite(segment.lines.join('\n'), 'text', counts).text.split('\n');
      continue;
    }
    const isShell = SHELL_BLOCK.has(segment.lang);
    segment.body = rewrite(segment.body, isShell ? 'shell' : 'text', counts).text;
    if (!isShell) continue;
    shell.push(segment.body);
    for (const gap of labGaps(segment.body))
      notes.add('review', `${file}:${segment.line}`, gap.message);
  }
  if (counts.size > 0) notes.add('changed', file, describeRewrites(counts));
  const { text, escaped } = neutraliseLiveValues(renderSegments(converted.segments));
  if (escaped > 0) {
    notes.add(
      'changed',
      file,
      `${escaped} "{{pod:"-, "{{service:"- or "{{node:"-shaped text(s) escaped as "{\\{" so they are not read as kubelab live values (inside code blocks the backslash shows)`,
    );
  }
  const commands = converted.commands.map((command) => ({
    ...command,
    command: rewrite(command.command, 'shell').text,
  }));
  return { markdown: text, commands, shell, copyBlocks: converted.copyBlocks };
}
