// Flags shared by the lab verbs.
import { DEFAULT_LAB, validateLabName } from '../../lab/config.ts';

export const labOption = { lab: { type: 'string', default: DEFAULT_LAB } } as const;

export function labName(value: string | undefined): string {
  return validateLabName(value ?? DEFAULT_LAB);
}
