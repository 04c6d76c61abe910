// What the page URL may preselect: `?lab=NAME` (default "default") and `?screen=scenario`.

export type Screen = 'home' | 'scenario';

const LAB_NAME = /^[a-z0-9]([a-z0-9-]{0,30}[a-z0-9])?$/;

export function isLabName(name: string): boolean {
  return LAB_NAME.test(name);
}

export function labFromUrl(search: string): string {
  const lab = new URLSearchParams(search).get('lab') ?? '';
  return isLabName(lab) ? lab : 'default';
}

export function screenFromUrl(search: string): Screen {
  return new URLSearchParams(search).get('screen') === 'scenario' ? 'scenario' : 'home';
}
