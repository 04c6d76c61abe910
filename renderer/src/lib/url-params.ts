// What the page URL may preselect: `?lab=NAME` (default "default") and `?screen=scenario`.
import { LAB_NAME_PATTERN as LAB_NAME } from '../../../main/api/schemas/lab-name.ts';

export type Screen = 'home' | 'scenario';

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
