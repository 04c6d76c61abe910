// Light / dark theme: the learner's choice ("system" follows prefers-color-scheme) is kept in
// localStorage and applied as data-theme on <html>, which app.css keys its variables on.

export type ThemeChoice = 'system' | 'light' | 'dark';
export type Theme = 'light' | 'dark';

const STORAGE_KEY = 'kubelab.theme';
const CHOICES: readonly ThemeChoice[] = ['system', 'light', 'dark'];

export function isThemeChoice(value: unknown): value is ThemeChoice {
  return typeof value === 'string' && (CHOICES as readonly string[]).includes(value);
}

export function resolveTheme(choice: ThemeChoice, systemPrefersDark: boolean): Theme {
  if (choice === 'system') return systemPrefersDark ? 'dark' : 'light';
  return choice;
}

/** The toggle cycles system → light → dark → system. */
export function nextChoice(choice: ThemeChoice): ThemeChoice {
  return CHOICES[(CHOICES.indexOf(choice) + 1) % CHOICES.length] ?? 'system';
}

export function storedChoice(storage: Pick<Storage, 'getItem'> | undefined): ThemeChoice {
  try {
    const value = storage?.getItem(STORAGE_KEY);
    return isThemeChoice(value) ? value : 'system';
  } catch {
    // Storage can be disabled (private mode, sandbox): the system's choice is a fine default.
    return 'system';
  }
}

export function storeChoice(
  storage: Pick<Storage, 'setItem'> | undefined,
  choice: ThemeChoice,
): void {
  try {
    storage?.setItem(STORAGE_KEY, choice);
  } catch {
    // Not remembered across restarts; the page still switches now.
  }
}

const DARK_QUERY = '(prefers-color-scheme: dark)';

/**
 * Applies a choice to the document and keeps following the system while the choice is
 * "system". Returns a function that stops following.
 */
export function applyTheme(choice: ThemeChoice): () => void {
  // Some embedders (and jsdom) have no matchMedia: then "system" means light.
  const media = typeof window.matchMedia === 'function' ? window.matchMedia(DARK_QUERY) : null;
  const apply = (): void => {
    document.documentElement.dataset.theme = resolveTheme(choice, media?.matches ?? false);
  };
  apply();
  if (choice !== 'system' || !media) return () => undefined;
  media.addEventListener('change', apply);
  return () => media.removeEventListener('change', apply);
}
