// Errors that cross a transport. Electron drops custom Error properties over IPC and JSON drops
// them over a WebSocket, so handlers answer with a plain WireError and the receiving side
// rebuilds a real Error from it.
import { defaultFix, isErrorCode } from './error-codes.ts';
import type { ErrorCode } from './error-codes.ts';

export type { ErrorCode } from './error-codes.ts';

export interface WireError {
  name: string;
  message: string;
  /** Stable machine-readable code, e.g. 'BAD_REQUEST', 'DOCKER_UNREACHABLE'. */
  code: ErrorCode;
  /** What the user can do about it, when we know. */
  fix?: string;
  /** Validation issues or other structured detail. */
  details?: string[];
}

/** An error the app raises on purpose: it always says what happened and, where possible, the fix. */
export class LabError extends Error {
  readonly code: ErrorCode;
  readonly fix: string | undefined;
  readonly details: string[] | undefined;

  constructor(
    code: ErrorCode,
    message: string,
    options: { fix?: string; details?: string[] } = {},
  ) {
    super(message);
    this.name = 'LabError';
    this.code = code;
    // The throw site knows the case best; the code's default fix is the fallback.
    this.fix = options.fix ?? defaultFix(code);
    this.details = options.details;
  }
}

/** The one way to say "stopped on request", so every layer can recognise it by its code. */
export function cancelled(message = 'cancelled', fix?: string): LabError {
  return new LabError('CANCELLED', message, fix === undefined ? {} : { fix });
}

export function isCancelled(error: unknown): boolean {
  return error instanceof LabError && error.code === 'CANCELLED';
}

export function toWireError(error: unknown): WireError {
  if (error instanceof LabError) {
    const wire: WireError = { name: error.name, message: error.message, code: error.code };
    if (error.fix !== undefined) wire.fix = error.fix;
    if (error.details !== undefined) wire.details = error.details;
    return wire;
  }
  if (error instanceof Error) return { name: error.name, message: error.message, code: 'INTERNAL' };
  return { name: 'Error', message: String(error), code: 'INTERNAL' };
}

/**
 * Rebuilds the error on the receiving side. The wire itself is not trusted to carry only known
 * codes (a browser tab left open across an upgrade talks to a newer server), so an unknown code
 * becomes INTERNAL here rather than a value the ErrorCode type does not admit.
 */
export function fromWireError(wire: Omit<WireError, 'code'> & { code: string }): LabError {
  const options: { fix?: string; details?: string[] } = {};
  if (wire.fix !== undefined) options.fix = wire.fix;
  if (wire.details !== undefined) options.details = wire.details;
  const error = new LabError(
    isErrorCode(wire.code) ? wire.code : 'INTERNAL',
    wire.message,
    options,
  );
  if (wire.name !== 'LabError') error.name = wire.name;
  return error;
}
