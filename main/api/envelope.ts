// What every handler answers, on every transport: exactly one of result or error.
import type { WireError } from './errors.ts';

export type Envelope<T = unknown> = { result: T } | { error: WireError };

export function isEnvelope(value: unknown): value is Envelope {
  if (typeof value !== 'object' || value === null) return false;
  return 'result' in value || 'error' in value;
}
