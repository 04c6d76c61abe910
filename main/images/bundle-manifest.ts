// The inner manifest of an images bundle (`kubelab images pack`, and the images entry of a
// workshop bundle), with a schema: it names the only tags the payload may carry. Every ref must be
// `kubelab/<catalogue image>:<content hash>` — a bundle cannot bring (or retag) anything else,
// such as the learner's own `postgres:16`.
import { z } from 'zod';
import { IMAGE_CATALOG } from './catalog.ts';

export const BUNDLE_FORMAT = 'kubelab-images/1';

const catalogueNames = new Set(IMAGE_CATALOG.map((image) => image.name));

export const BundleImageSchema = z
  .object({
    name: z.string().refine((name) => catalogueNames.has(name), 'not a kubelab catalogue image'),
    ref: z.string(),
    hash: z.string().regex(/^[0-9a-f]{16}$/, 'a 16-hex-digit content hash'),
    imageId: z.string().regex(/^sha256:[0-9a-f]{64}$/, 'an image ID'),
    sizeBytes: z.number().int().nonnegative(),
  })
  .strict()
  .refine((image) => image.ref === `kubelab/${image.name}:${image.hash}`, {
    message: 'ref must be kubelab/<name>:<hash>',
    path: ['ref'],
  });
export type BundleImage = z.infer<typeof BundleImageSchema>;

export const BundleManifestSchema = z
  .object({
    format: z.string(),
    createdAt: z.string(),
    arch: z.string(),
    images: z.array(BundleImageSchema).min(1),
    payload: z
      .object({
        file: z.string(),
        bytes: z.number().int().nonnegative(),
        sha256: z.string().regex(/^[0-9a-f]{64}$/),
      })
      .strict(),
  })
  .strict();
export type BundleManifest = z.infer<typeof BundleManifestSchema>;

/** `docker.io/library/x:t` and `x:t` are one tag to the engine. */
export function normalizeTag(tag: string): string {
  return tag.replace(/^docker\.io\//, '').replace(/^library\//, '');
}
