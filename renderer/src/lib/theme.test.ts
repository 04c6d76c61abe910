import { describe, expect, it } from 'vitest';
import { isThemeChoice, nextChoice, resolveTheme, storeChoice, storedChoice } from './theme.ts';

function memoryStorage(): Storage {
  const values = new Map<string, string>();
  return {
    getItem: (key: string) => values.get(key) ?? null,
    setItem: (key: string, value: string) => void values.set(key, value),
    removeItem: (key: string) => void values.delete(key),
    clear: () => values.clear(),
    key: () => null,
    get length() {
      return values.size;
    },
  };
}

describe('theme', () => {
  it('follows the system only when the choice is "system"', () => {
    expect(resolveTheme('system', true)).toBe('dark');
    expect(resolveTheme('system', false)).toBe('light');
    expect(resolveTheme('light', true)).toBe('light');
    expect(resolveTheme('dark', false)).toBe('dark');
  });

  it('cycles system → light → dark → system', () => {
    expect(nextChoice('system')).toBe('light');
    expect(nextChoice('light')).toBe('dark');
    expect(nextChoice('dark')).toBe('system');
  });

  it('remembers a choice and ignores junk in storage', () => {
    const storage = memoryStorage();
    expect(storedChoice(storage)).toBe('system');
    storeChoice(storage, 'dark');
    expect(storedChoice(storage)).toBe('dark');
    storage.setItem('kubelab.theme', 'purple');
    expect(storedChoice(storage)).toBe('system');
    expect(isThemeChoice('purple')).toBe(false);
  });

  it('falls back to "system" when storage throws', () => {
    const broken = {
      getItem: (): string => {
        throw new Error('denied');
      },
    };
    expect(storedChoice(broken)).toBe('system');
    expect(() =>
      storeChoice(
        {
          setItem: () => {
            throw new Error('denied');
          },
        },
        'light',
      ),
    ).not.toThrow();
  });
});
