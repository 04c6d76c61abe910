// The --lab value, checked before anything touches Docker: a bad name is a usage error.
import { validateLabName } from '../../lab/config.ts';
import { asUsageError } from '../usage-error.ts';

export function labName(value: string): string {
  try {
    return validateLabName(value);
  } catch (error) {
    throw asUsageError(error, '--lab');
  }
}
