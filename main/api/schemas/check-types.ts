// The kinds of check a scenario step can hold: declared once here, in the shared layer, so the
// scenario format (main/scenarios/schema.ts) and the wire's check results both take them from one
// list without the contract importing the scenario loader.
import { z } from 'zod';

export const CHECK_TYPES = [
  'exists',
  'field',
  'count',
  'ready',
  'ordered',
  'exec',
  'http',
  'dns',
  'file',
  'trace',
] as const;

export const CheckTypeSchema = z.enum(CHECK_TYPES);
export type CheckType = z.infer<typeof CheckTypeSchema>;
