// The manifest of a workshop bundle (`kubelab bundle create|load`): the first entry of the tar,
// so a loader knows what to expect, and whether it can take it at all, before reading anything
// large. Pure: no Node APIs beyond types, so unit tests feed it any object.
import { z } from 'zod';

export const WORKSHOP_FORMAT = 'kubelab-bundle/1';
export const MANIFEST_ENTRY = 'manifest.json';
/** The lab images, in the format of `kubelab images pack` (itself a verified tar). */
export const IMAGES_ENTRY = 'images.kubelab';
export const SCENARIOS_PREFIX = 'scenarios/';
/**
 * Images added to the lab registry (`kubelab images add`), as a `docker save`-shaped tar whose
 * image names are the ones pods use; `bundle load` pushes them into the learner's lab registry.
 */
export const ADDED_IMAGES_ENTRY = 'registry-images.tar';

const Sha256 = z.string().regex(/^[0-9a-f]{64}$/, 'a SHA-256 in hex');

export const BundleEntrySchema = z
  .object({
    /** Path inside the bundle tar. */
    path: z.string().min(1),
    bytes: z.number().int().nonnegative(),
    sha256: Sha256,
  })
  .strict();
export type BundleEntry = z.infer<typeof BundleEntrySchema>;

export const WorkshopManifestSchema = z
  .object({
    format: z.string(),
    kubelabVersion: z.string(),
    createdAt: z.string(),
    /** Architecture of the engine that built the images, in Node's names (x64, arm64). */
    arch: z.string(),
    versions: z.record(z.string(), z.string()),
    images: z.array(z.object({ name: z.string(), ref: z.string(), imageId: z.string() })),
    scenarios: z.array(z.object({ id: z.string(), title: z.string() })),
    /** Added images it carries in ADDED_IMAGES_ENTRY: name and manifest digest (older bundles: none). */
    addedImages: z.array(z.object({ name: z.string(), digest: z.string() })).optional(),
    entries: z.array(BundleEntrySchema).min(1),
    /** Free disk the load needs: unpacked entries while verifying plus the images' size. */
    requiredDiskBytes: z.number().int().nonnegative(),
  })
  .strict();
export type WorkshopManifest = z.infer<typeof WorkshopManifestSchema>;

/** A path inside the bundle that stays inside the folder it is unpacked to. */
export function isSafeEntryPath(path: string): boolean {
  if (path.startsWith('/') || path.includes('\\') || path.includes('\0')) return false;
  return path.split('/').every((part) => part !== '' && part !== '.' && part !== '..');
}

/** The scenario id an entry belongs to, or undefined when it is not a scenario file. */
export function scenarioOfEntry(path: string): string | undefined {
  if (!path.startsWith(SCENARIOS_PREFIX)) return undefined;
  const [id, ...rest] = path.slice(SCENARIOS_PREFIX.length).split('/');
  return id && rest.length > 0 ? id : undefined;
}

/**
 * Why this machine cannot take the bundle described by `raw` (format, architecture, entries),
 * or the parsed manifest. Every reason is a sentence a learner can act on.
 */
export function checkManifest(
  raw: unknown,
  machine: { arch: string },
): { ok: true; manifest: WorkshopManifest } | { ok: false; why: string } {
  const format = (raw as { format?: unknown } | null)?.format;
  if (format !== WORKSHOP_FORMAT)
    return {
      ok: false,
      why:
        typeof format === 'string'
          ? `its format is ${format}, this kubelab reads ${WORKSHOP_FORMAT}`
          : 'its manifest does not name a kubelab bundle format',
    };
  const parsed = WorkshopManifestSchema.safeParse(raw);
  if (!parsed.success) {
    const issue = parsed.error.issues[0];
    return {
      ok: false,
      why: `its manifest is malformed (${issue?.path.join('.') || 'manifest'}: ${issue?.message ?? 'invalid'})`,
    };
  }
  const manifest = parsed.data;
  if (manifest.arch !== machine.arch)
    return {
      ok: false,
      why: `it holds ${manifest.arch} images and this machine is ${machine.arch}`,
    };
  const seen = new Set<string>();
  for (const entry of manifest.entries) {
    if (!isSafeEntryPath(entry.path) || entry.path === MANIFEST_ENTRY)
      return { ok: false, why: `its manifest lists an unsafe entry path "${entry.path}"` };
    if (seen.has(entry.path)) return { ok: false, why: `its manifest lists "${entry.path}" twice` };
    seen.add(entry.path);
    if (
      entry.path !== IMAGES_ENTRY &&
      entry.path !== ADDED_IMAGES_ENTRY &&
      scenarioOfEntry(entry.path) === undefined
    )
      return { ok: false, why: `its manifest lists an unknown entry "${entry.path}"` };
  }
  if (!seen.has(IMAGES_ENTRY)) return { ok: false, why: `its manifest lists no ${IMAGES_ENTRY}` };
  if (Boolean(manifest.addedImages?.length) !== seen.has(ADDED_IMAGES_ENTRY))
    return {
      ok: false,
      why: manifest.addedImages?.length
        ? `its manifest names added images but lists no ${ADDED_IMAGES_ENTRY}`
        : `its manifest lists ${ADDED_IMAGES_ENTRY} but names no added images`,
    };
  for (const { id } of manifest.scenarios) {
    if (!/^[a-z0-9][a-z0-9-]*$/.test(id))
      return { ok: false, why: `its manifest names a scenario with a bad id "${id}"` };
    if (!seen.has(`${SCENARIOS_PREFIX}${id}/scenario.yaml`))
      return { ok: false, why: `scenario "${id}" has no scenario.yaml in the bundle` };
  }
  return { ok: true, manifest };
}

/** What a bundle holds, for `bundle inspect` and the first-run screen. */
export function describeManifest(manifest: WorkshopManifest): string {
  const gib = (bytes: number): string => `${(bytes / 1024 ** 3).toFixed(2)} GiB`;
  const total = manifest.entries.reduce((sum, entry) => sum + entry.bytes, 0);
  return [
    `kubelab ${manifest.kubelabVersion} bundle for ${manifest.arch}, made ${manifest.createdAt}`,
    `versions: ${Object.entries(manifest.versions)
      .map(([part, version]) => `${part} ${version}`)
      .join(', ')}`,
    `images (${manifest.images.length}): ${manifest.images.map((image) => image.name).join(', ')}`,
    `scenarios (${manifest.scenarios.length}): ${manifest.scenarios.map((s) => s.id).join(', ') || '-'}`,
    ...(manifest.addedImages?.length
      ? [
          `added images, for the lab registry (${manifest.addedImages.length}): ${manifest.addedImages.map((image) => image.name).join(', ')}`,
        ]
      : []),
    `size ${gib(total)}; needs ${gib(manifest.requiredDiskBytes)} free disk to load`,
  ].join('\n');
}
