import { z } from 'zod';

/**
 * A WireError (api/errors.ts) as data inside another message, e.g. the error of a failed
 * operation. `code` is a plain string here, not the ErrorCode union: a receiver must not reject a
 * whole progress event because a newer server sent a code it does not know yet (a browser tab
 * left open across an upgrade); fromWireError() reads unknown codes as INTERNAL.
 */
export const WireErrorSchema = z.object({
  name: z.string(),
  message: z.string(),
  code: z.string(),
  fix: z.string().optional(),
  details: z.array(z.string()).optional(),
});
export type WireErrorData = z.infer<typeof WireErrorSchema>;
