// Small text rules every check shares: how values compare as text, how regular expressions are
// applied, how long found values are shown, and how commands are quoted for a shell.

/** A scalar as text (`80`, `true`, `None`); objects and arrays as compact JSON. */
export function asText(value: unknown): string {
  if (typeof value === 'string') return value;
  if (typeof value === 'number' || typeof value === 'boolean' || typeof value === 'bigint') {
    return String(value);
  }
  if (value === undefined) return '';
  return JSON.stringify(value);
}

/** True for null and undefined: a field that is not set. */
export function isMissing(value: unknown): boolean {
  return value === undefined || value === null;
}

/** The schema's regular expressions: JavaScript syntax, flag `m`, searched anywhere. */
export function matchesPattern(text: string, pattern: string): boolean {
  return new RegExp(pattern, 'm').test(text);
}

/** At most `max` characters, cut at the end with an ellipsis. */
export function shorten(text: string, max = 300): string {
  const trimmed = text.trim();
  return trimmed.length <= max ? trimmed : `${trimmed.slice(0, max - 1).trimEnd()}…`;
}

/** A text shown on one line: inner line breaks as ⏎. */
export function oneLine(text: string, max = 300): string {
  return shorten(text, max).replace(/\r?\n/g, ' ⏎ ');
}

/** A word for the shell: bare when safe, else single-quoted. */
export function shellQuote(word: string): string {
  if (word !== '' && /^[\w@%+=:,./-]+$/.test(word)) return word;
  return `'${word.replace(/'/g, `'\\''`)}'`;
}

export function plural(count: number, one: string, many = `${one}s`): string {
  return `${count} ${count === 1 ? one : many}`;
}
