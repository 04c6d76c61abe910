// Errors that cross a transport. Electron drops custom Error properties over IPC and JSON drops
// them over a WebSocket, so handlers answer with a plain WireError and the receiving side
// rebuilds a real Error from it.

export interface WireError {
  name: string;
  message: string;
  /** Stable machine-readable code, e.g. 'BAD_REQUEST', 'DOCKER_UNREACHABLE'. */
  code: string;
  /** What the user can do about it, when we know. */
  fix?: string;
  /** Validation issues or other structured detail. */
  details?: string[];
}

/** An error the app raises on purpose: it always says what happened and, where possible, the fix. */
export class LabError extends Error {
  readonly code: string;
  readonly fix: string | undefined;
  readonly details: string[] | undefined;

  constructor(code: string, message: string, options: { fix?: string; details?: string[] } = {}) {
    super(message);
    this.name = 'LabError';
    this.code = code;
    this.fix = options.fix;
    this.details = options.details;
  }
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

export function fromWireError(wire: WireError): LabError {
  const options: { fix?: string; details?: string[] } = {};
  if (wire.fix !== undefined) options.fix = wire.fix;
  if (wire.details !== undefined) options.details = wire.details;
  const error = new LabError(wire.code, wire.message, options);
  if (wire.name !== 'LabError') error.name = wire.name;
  return error;
}
