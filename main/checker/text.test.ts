import { describe, expect, it } from 'vitest';
import { asText, matchesPattern, oneLine, searchPattern, shellQuote, shorten } from './text.ts';

describe('text rules', () => {
  it('turns scalars into text and objects into JSON', () => {
    expect(asText(80)).toBe('80');
    expect(asText(true)).toBe('true');
    expect(asText('None')).toBe('None');
    expect(asText({})).toBe('{}');
    expect(asText(undefined)).toBe('');
  });

  it('matches regular expressions with the m flag, anywhere', () => {
    expect(matchesPattern('a\nnameserver 10.96.0.10\nb', '^nameserver 10\\.96\\.0\\.10$')).toBe(
      true,
    );
    expect(matchesPattern('xx Version 2 yy', 'Version 2')).toBe(true);
    expect(matchesPattern('Version 1', 'Version 2')).toBe(false);
  });

  it('shortens long values and shows them on one line', () => {
    expect(shorten('x'.repeat(500), 10)).toBe(`${'x'.repeat(9)}…`);
    expect(oneLine('a\nb')).toBe('a ⏎ b');
  });

  it('quotes shell words only when needed', () => {
    expect(shellQuote('app=web')).toBe('app=web');
    expect(shellQuote('{.status.phase}')).toBe(`'{.status.phase}'`);
    expect(shellQuote("it's")).toBe(`'it'\\''s'`);
    expect(shellQuote('')).toBe(`''`);
  });
});

describe('searchPattern under a time budget', () => {
  it('finds matches as RegExp.search does', () => {
    expect(searchPattern('xx Version 2', 'Version \\d')).toBe(3);
    expect(searchPattern('nothing', 'Version')).toBe(-1);
  });

  it('stops a catastrophic pattern instead of freezing the app', () => {
    const started = Date.now();
    expect(() => searchPattern(`${'a'.repeat(40)}!`, '^(a+)+$')).toThrow(
      expect.objectContaining({ code: 'PATTERN_TOO_SLOW' }),
    );
    expect(Date.now() - started).toBeLessThan(5_000);
    // …and the next search works
    expect(searchPattern('abc', 'b')).toBe(1);
  });
});
