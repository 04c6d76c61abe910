import { z } from 'zod';

export const PrivilegedMode = z.enum(['privileged', 'explicit-capabilities', 'unknown']);

export const EngineStatusSchema = z.object({
  reachable: z.boolean(),
  /** Docker engine version, e.g. "20.10.24". */
  version: z.string().nullable(),
  apiVersion: z.string().nullable(),
  os: z.string().nullable(),
  cgroupVersion: z.enum(['1', '2']).nullable(),
  /** How node containers get their powers on this engine (probed once per engine). */
  nodeMode: PrivilegedMode,
  /** Why the engine is not usable, and the exact fix, when it is not. */
  problem: z.object({ message: z.string(), fix: z.string() }).nullable(),
});
export type EngineStatus = z.infer<typeof EngineStatusSchema>;

export const DoctorCheckSchema = z.object({
  id: z.string(),
  title: z.string(),
  status: z.enum(['ok', 'warn', 'fail']),
  detail: z.string(),
  fix: z.string().optional(),
});
export type DoctorCheck = z.infer<typeof DoctorCheckSchema>;
