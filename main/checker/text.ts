// Small text rules every check shares: how values compare as text, how regular expressions are
// applied, how long found values are shown, and how commands are quoted for a shell.
import { Script, createContext } from 'node:vm';
import { LabError } from '../api/errors.ts';

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
/**
 * Where `pattern` (flag m) first matches `text`, or -1 — within a time budget. The linter refuses
 * the patterns known to backtrack exponentially; this bounds the rest: the search runs as a vm
 * script with a timeout, which V8 interrupts even inside the regex engine (≈ 0.07 ms overhead).
 */
export function searchPattern(text: string, pattern: string): number {
  patternContext.re = new RegExp(pattern, 'm');
  patternContext.text = text;
  try {
    return SEARCH.runInContext(patternContext, { timeout: PATTERN_BUDGET_MS }) as number;
  } catch (error) {
    if ((error as { code?: string }).code === 'ERR_SCRIPT_EXECUTION_TIMEOUT') {
      throw new LabError(
        'PATTERN_TOO_SLOW',
        `The expression /${pattern}/ took more than ${PATTERN_BUDGET_MS} ms on ${text.length} characters of output, so it was stopped.`,
        {
          fix: 'Simplify the pattern in the scenario (avoid nested repeats such as (a+)+), then run `kubelab scenarios lint`.',
        },
      );
    }
    throw error;
  } finally {
    patternContext.re = null;
    patternContext.text = '';
  }
}

export function matchesPattern(text: string, pattern: string): boolean {
  return searchPattern(text, pattern) >= 0;
}

export const PATTERN_BUDGET_MS = 250;
const SEARCH = new Script('text.search(re)');
const patternContext = createContext({ re: null, text: '' }) as { re: RegExp | null; text: string };

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
