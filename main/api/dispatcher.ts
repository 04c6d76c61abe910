// Server side of every transport: validates a raw request against the contract, calls the
// implementation, and always answers with an Envelope — a malformed request gets a typed
// BAD_REQUEST error, never a crash.
import { LabError, toWireError } from './errors.ts';
import type { Envelope } from './envelope.ts';
import { specOf } from './contract.ts';
import type { LabImplementation } from './contract.ts';
import { anonymousCaller } from './caller.ts';
import type { Caller } from './caller.ts';

export type Dispatch = (channel: unknown, input: unknown, caller?: Caller) => Promise<Envelope>;

export function createDispatcher(api: LabImplementation): Dispatch {
  return async (channel, input, caller = anonymousCaller) => {
    try {
      if (typeof channel !== 'string') {
        throw new LabError(
          'BAD_REQUEST',
          'The request names no method (channel must be a string).',
        );
      }
      const spec = specOf(channel);
      if (!spec) throw new LabError('UNKNOWN_METHOD', `There is no API method "${channel}".`);
      const parsed = spec.input.safeParse(input ?? {});
      if (!parsed.success) {
        throw new LabError('BAD_REQUEST', `Invalid request for ${channel}.`, {
          details: parsed.error.issues.map(
            (issue) => `${issue.path.join('.') || '(request)'}: ${issue.message}`,
          ),
        });
      }
      const [domain, name] = channel.split(':') as [string, string];
      const handlers = (
        api as unknown as Record<string, Record<string, (i: unknown, c: Caller) => unknown>>
      )[domain];
      const handler = handlers?.[name];
      if (!handler) throw new LabError('UNKNOWN_METHOD', `"${channel}" is not implemented.`);
      return { result: await handler.call(handlers, parsed.data, caller) };
    } catch (error) {
      return { error: toWireError(error) };
    }
  };
}
