// Killercoda's shell scripts (verify.sh, background.sh) rewritten for a kubelab node, with what
// the lab cannot give them noted. Scripts end up in files and `run:` actions, which kubelab never
// scans for `{{…}}` placeholders (only checks' Templated fields and Markdown are), so a `{{` in
// a script stays as written.
import type { NoteList } from './report.ts';
import { describeRewrites, rewrite } from './rewrite.ts';
import { labGaps, notIdempotent } from './scan.ts';

export type ScriptRole = 'verify' | 'background';

/** The script at `path`, rewritten; null (with a note) when it is missing or not text. */
export function importScript(
  files: ReadonlyMap<string, Buffer>,
  path: string,
  role: ScriptRole,
  notes: NoteList,
): string | null {
  const content = files.get(path);
  if (content === undefined) {
    notes.add(
      'unmapped',
      path,
      `index.json names this ${role} script, but the folder has no such file`,
    );
    return null;
  }
  if (content.includes(0)) {
    notes.add('unmapped', path, `the ${role} script is not a text file`);
    return null;
  }
  const { text, counts } = rewrite(content.toString('utf8').replace(/\r\n/g, '\n'), 'shell');
  if (counts.size > 0) notes.add('changed', path, describeRewrites(counts));
  for (const gap of labGaps(text)) notes.add('review', `${path}:${gap.line}`, gap.message);
  if (role === 'background') {
    for (const finding of notIdempotent(
      text,
      'the setup runs again (kubelab’s verify runs it twice)',
    ))
      notes.add('review', `${path}:${finding.line}`, finding.message);
  }
  return text;
}
