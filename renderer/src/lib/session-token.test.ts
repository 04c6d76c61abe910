import { describe, expect, it } from 'vitest';
import { takeSessionToken } from './session-token.ts';
import type { TokenPlace } from './session-token.ts';

function place(
  search: string,
  stored: string | null = null,
): { where: TokenPlace; storage: Map<string, string>; replaced: string[] } {
  const storage = new Map<string, string>(stored ? [['kubelab.token', stored]] : []);
  const replaced: string[] = [];
  const where: TokenPlace = {
    location: { search, pathname: '/', hash: '#x' },
    history: { state: null, replaceState: (_s, _t, url) => void replaced.push(String(url)) },
    storage: {
      getItem: (key) => storage.get(key) ?? null,
      setItem: (key, value) => void storage.set(key, value),
    },
  };
  return { where, storage, replaced };
}

describe('takeSessionToken', () => {
  it('moves the token from the address bar into sessionStorage, keeping the other params', () => {
    const { where, storage, replaced } = place('?lab=two&token=abc&screen=scenario');
    expect(takeSessionToken(where)).toBe('abc');
    expect(storage.get('kubelab.token')).toBe('abc');
    expect(replaced).toEqual(['/?lab=two&screen=scenario#x']);
  });

  it('on a reload (no token in the URL) uses the stored one and leaves the URL alone', () => {
    const { where, replaced } = place('?lab=two', 'stored');
    expect(takeSessionToken(where)).toBe('stored');
    expect(replaced).toEqual([]);
  });

  it('gives an empty token when there is none anywhere (the server then refuses the socket)', () => {
    expect(takeSessionToken(place('').where)).toBe('');
  });
});
