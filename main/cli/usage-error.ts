// The error of a command line that is wrong (unknown flag, missing value, wrong number of
// arguments, a value that fails validation). The entry prints its message and the verb's usage
// and exits 2; it is never shown with a stack trace.
import { LabError } from '../api/errors.ts';

export const USAGE = 'USAGE';

export class UsageError extends LabError {
  constructor(message: string) {
    super(USAGE, message);
    this.name = 'UsageError';
  }
}

/** A validator's plain Error (e.g. a lab name's rule) as a usage error, with the flag named. */
export function asUsageError(error: unknown, flag: string): UsageError {
  const message = error instanceof Error ? error.message : String(error);
  return new UsageError(message.startsWith(flag) ? message : `${flag}: ${message}`);
}
