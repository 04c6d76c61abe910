// Reads a workshop bundle into a work folder and proves it whole BEFORE anything is imported:
// the manifest comes first and must suit this machine (format, architecture, free disk), every
// entry must be listed with the size and SHA-256 it arrives with, none may be missing, and the
// images entry is verified by the images pack format's own check as it streams past.
import { createWriteStream } from 'node:fs';
import { mkdir } from 'node:fs/promises';
import { dirname, join } from 'node:path';
import type { Readable } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import { LabError } from '../api/errors.ts';
import type { VerifiedImages } from '../images/bundle.ts';
import { digestStream, eachEntry, verifyImagesStream } from '../images/bundle.ts';
import type { BundleEntry, WorkshopManifest } from './manifest.ts';
import { ADDED_IMAGES_ENTRY, IMAGES_ENTRY, MANIFEST_ENTRY, checkManifest } from './manifest.ts';
import { SIGNATURE_ENTRY, checkSignature } from './signature.ts';

export function refuseBundle(file: string, why: string): LabError {
  return new LabError(
    'BAD_BUNDLE',
    `${file} is not a usable kubelab workshop bundle: ${why}. Nothing was imported.`,
    {
      fix: 'Copy the bundle again from the instructor (compare its size and the sha256 they give), or ask for one built for this kind of machine (`kubelab bundle create`).',
    },
  );
}

export interface VerifiedBundle {
  manifest: WorkshopManifest;
  /** Fingerprint of the key that signed the manifest, or null for an unsigned bundle. */
  signer: string | null;
  images: VerifiedImages;
  /** Where the scenario files were unpacked: `<dir>/<id>/…`. */
  scenariosDir: string;
  /** The added images' archive (ADDED_IMAGES_ENTRY), checked; null when the bundle has none. */
  addedImagesFile: string | null;
}

export interface VerifyOptions {
  arch?: string;
  /** Called once the manifest is read and accepted; may refuse (free disk, …) by throwing. */
  onManifest?: (manifest: WorkshopManifest) => Promise<void>;
  /**
   * Asked once the signature is known (right after the manifest, before anything large is read):
   * `signer` is the verified signer's fingerprint, or null for an unsigned bundle.
   */
  decideTrust: (signer: string | null) => Promise<boolean>;
}

/** The bundle is fine but nobody said yes to running it here. */
export function untrusted(file: string, signer: string | null): LabError {
  return signer
    ? new LabError(
        'BUNDLE_UNTRUSTED',
        `${file} is signed by ${signer}, a signer this machine has not trusted yet. Nothing was imported.`,
        {
          fix: `Compare that fingerprint with the one your instructor gives you; if they match: kubelab bundle load ${file} --trust '${signer}' (or answer yes in the app).`,
        },
      )
    : new LabError(
        'BUNDLE_UNTRUSTED',
        `${file} is not signed, so nobody vouches for it. Its scenarios would run commands as root in the lab's nodes, which have root power over this computer. Nothing was imported.`,
        {
          fix: `Load it only if you trust where it came from: kubelab bundle load ${file} --trust-unsigned (or confirm in the app). Instructors: sign bundles with bundle create --sign KEY.`,
        },
      );
}

function readAll(stream: Readable): Promise<Buffer> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    stream.on('data', (chunk: Buffer) => chunks.push(chunk));
    stream.on('end', () => resolve(Buffer.concat(chunks)));
    stream.on('error', reject);
  });
}

function parseJson(buffer: Buffer): unknown {
  try {
    return JSON.parse(buffer.toString('utf8')) as unknown;
  } catch {
    return undefined;
  }
}

/** Reads `source` (the bundle file's bytes) into `work`; imports nothing. */
export async function verifyWorkshopStream(
  source: Readable,
  file: string,
  work: string,
  { arch = process.arch, onManifest, decideTrust }: VerifyOptions,
): Promise<VerifiedBundle> {
  const scenariosDir = join(work, 'unpacked');
  let manifest: WorkshopManifest | undefined;
  let listed = new Map<string, BundleEntry>();
  let images: VerifiedImages | undefined;
  const arrived = new Map<string, { bytes: number; sha256: string }>();
  let manifestBytes: Buffer = Buffer.alloc(0);
  let signer: string | null | undefined;

  async function takeEntry(name: string, stream: Readable): Promise<void> {
    if (manifest && signer === undefined) {
      // The second entry says who signed the manifest, or is already content (unsigned).
      if (name === SIGNATURE_ENTRY) {
        const checked = checkSignature(manifestBytes, await readAll(stream));
        if (!checked.ok) throw refuseBundle(file, checked.why);
        signer = checked.fingerprint;
      } else signer = null;
      if (!(await decideTrust(signer))) throw untrusted(file, signer);
      if (name === SIGNATURE_ENTRY) return;
    } else if (name === SIGNATURE_ENTRY) {
      throw refuseBundle(
        file,
        `it holds ${SIGNATURE_ENTRY} out of place (it must follow the manifest)`,
      );
    }
    if (!manifest) {
      if (name !== MANIFEST_ENTRY)
        throw refuseBundle(file, `its first entry is ${name}, not ${MANIFEST_ENTRY}`);
      manifestBytes = await readAll(stream);
      const raw = parseJson(manifestBytes);
      if (raw === undefined) throw refuseBundle(file, 'its manifest is not JSON');
      const checked = checkManifest(raw, { arch });
      if (!checked.ok) throw refuseBundle(file, checked.why);
      manifest = checked.manifest;
      listed = new Map(manifest.entries.map((entry) => [entry.path, entry]));
      await onManifest?.(manifest);
      return;
    }
    const entry = listed.get(name);
    if (!entry) throw refuseBundle(file, `it holds ${name}, which its manifest does not list`);
    if (arrived.has(name)) throw refuseBundle(file, `it holds ${name} twice`);
    const digest = digestStream();
    if (name === IMAGES_ENTRY) {
      const [verified] = await Promise.all([
        verifyImagesStream(digest, `${file} (${IMAGES_ENTRY})`, join(work, 'images')),
        pipeline(stream, digest),
      ]);
      images = verified;
    } else if (name === ADDED_IMAGES_ENTRY) {
      // Pushed into the lab registry only after every entry checked out (load.ts).
      await pipeline(stream, digest, createWriteStream(join(work, ADDED_IMAGES_ENTRY)));
    } else {
      const target = join(scenariosDir, name.slice(name.indexOf('/') + 1));
      await mkdir(dirname(target), { recursive: true });
      await pipeline(stream, digest, createWriteStream(target));
    }
    arrived.set(name, digest.digest());
  }

  await mkdir(join(work, 'images'), { recursive: true });
  try {
    await eachEntry(source, takeEntry);
  } catch (error) {
    if (error instanceof LabError) throw error;
    throw refuseBundle(
      file,
      `it is truncated or damaged (${error instanceof Error ? error.message : String(error)})`,
    );
  }
  if (!manifest) throw refuseBundle(file, 'it is empty (no manifest)');
  for (const entry of manifest.entries) {
    const got = arrived.get(entry.path);
    if (!got) throw refuseBundle(file, `${entry.path} is missing (truncated?)`);
    if (got.bytes !== entry.bytes)
      throw refuseBundle(
        file,
        `${entry.path} is ${got.bytes} bytes, the manifest says ${entry.bytes}`,
      );
    if (got.sha256 !== entry.sha256)
      throw refuseBundle(file, `${entry.path} does not match its checksum (corrupted)`);
  }
  if (!images) throw refuseBundle(file, `${IMAGES_ENTRY} is missing`);
  const addedImagesFile = arrived.has(ADDED_IMAGES_ENTRY) ? join(work, ADDED_IMAGES_ENTRY) : null;
  return { manifest, signer: signer ?? null, images, scenariosDir, addedImagesFile };
}
