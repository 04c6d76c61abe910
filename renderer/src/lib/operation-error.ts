// The error of an operation that ended without success, as a real Error. With the whole wire
// error (errorDetail) it is the LabError the main process raised, code and fix included, so
// messageOf() shows the fix; from an older server only the message is known.
import { fromWireError } from '../../../main/api/errors.ts';
import type { Progress } from '../../../main/api/schemas/events.ts';

export function operationError(
  progress: Progress,
  fallback = `${progress.kind} ${progress.state}`,
): Error {
  if (progress.errorDetail) return fromWireError(progress.errorDetail);
  return new Error(progress.error ?? fallback);
}
