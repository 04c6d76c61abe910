import { describe, expect, it } from 'vitest';
import { decodePath, parseRequestTarget } from './request-target.ts';

describe('parseRequestTarget', () => {
  it('parses origin-form targets', () => {
    const target = parseRequestTarget('/api?token=a%20b&x=1');
    expect(target?.pathname).toBe('/api');
    expect(target?.searchParams.get('token')).toBe('a b');
  });

  it('refuses what is not origin-form instead of throwing', () => {
    for (const raw of [undefined, '', '*', '//', '//evil.example/x', 'http://x/', 'x']) {
      expect(parseRequestTarget(raw), String(raw)).toBeNull();
    }
  });
});

describe('decodePath', () => {
  it('decodes escapes and refuses broken ones and NUL', () => {
    expect(decodePath('/a%20b')).toBe('/a b');
    expect(decodePath('/%')).toBeNull();
    expect(decodePath('/%zz')).toBeNull();
    expect(decodePath('/a%00b')).toBeNull();
  });
});
