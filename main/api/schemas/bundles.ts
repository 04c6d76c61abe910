import { z } from 'zod';

/** A workshop bundle file as the first-run screen lists it (from its manifest alone). */
export const BundleFileSchema = z.object({
  path: z.string(),
  /** Whether this machine can take it (format, architecture, manifest well-formed). */
  usable: z.boolean(),
  /** Why not, as a sentence; null when usable. */
  problem: z.string().nullable(),
  bytes: z.number().nullable(),
  kubelabVersion: z.string().nullable(),
  images: z.array(z.string()),
  scenarios: z.array(z.object({ id: z.string(), title: z.string() })),
  requiredDiskBytes: z.number().nullable(),
  /** Fingerprint of the signer (checked against the manifest), null when unsigned or unusable. */
  signer: z.string().nullable(),
  /** Whether this machine already trusts that signer (then loading asks nothing). */
  signerTrusted: z.boolean(),
});
export type BundleFile = z.infer<typeof BundleFileSchema>;

export const BundlePathSchema = z
  .object({ path: z.string().trim().min(1, 'the path of a .kubelab bundle file') })
  .strict();

/** Loading needs a yes: to the bundle's signer, or to an unsigned file. */
export const BundleLoadSchema = BundlePathSchema.extend({
  trust: z
    .object({ fingerprint: z.string().optional(), unsigned: z.boolean().optional() })
    .strict()
    .default({}),
}).strict();
