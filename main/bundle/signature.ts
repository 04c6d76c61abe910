// Who made a workshop bundle: an instructor signs it with an Ed25519 key (`kubelab bundle
// keygen`, `bundle create --sign KEY`). The signature covers the manifest's exact bytes, and the
// manifest holds the size and SHA-256 of every other entry — so one signature vouches for the
// whole file. It travels as the second tar entry, `manifest.sig`. Pure node:crypto, no new
// dependency.
import { LabError } from '../api/errors.ts';
import {
  createHash,
  createPrivateKey,
  createPublicKey,
  generateKeyPairSync,
  sign,
  verify,
} from 'node:crypto';
import { z } from 'zod';

export const SIGNATURE_ENTRY = 'manifest.sig';
const SIGNATURE_FORMAT = 'kubelab-signature/1';

export const SignatureSchema = z
  .object({
    format: z.literal(SIGNATURE_FORMAT),
    /** The signer's public key: DER (SPKI), base64. */
    publicKey: z.string().min(1),
    signature: z.string().min(1),
  })
  .strict();

/** 128 bits of the key's SHA-256, in groups a person can read aloud and compare. */
export function fingerprintOf(publicKeyDer: Buffer): string {
  const hex = createHash('sha256').update(publicKeyDer).digest('hex').slice(0, 32).toUpperCase();
  return hex.match(/.{4}/g)!.join(' ');
}

/** Fingerprints as typed (`--trust 3F2A9B01…`, spaces, colons, any case) compare equal. */
export function sameFingerprint(a: string, b: string): boolean {
  const norm = (text: string): string => text.replace(/[\s:]/g, '').toUpperCase();
  return norm(a) === norm(b) && norm(a).length === 32;
}

export interface SigningKey {
  privateKeyPem: string;
  publicKeyPem: string;
  fingerprint: string;
}

export function generateSigningKey(): SigningKey {
  const { privateKey, publicKey } = generateKeyPairSync('ed25519');
  return {
    privateKeyPem: privateKey.export({ type: 'pkcs8', format: 'pem' }).toString(),
    publicKeyPem: publicKey.export({ type: 'spki', format: 'pem' }).toString(),
    fingerprint: fingerprintOf(publicKey.export({ type: 'spki', format: 'der' })),
  };
}

/** The `manifest.sig` entry for these manifest bytes. Throws on a key that is not Ed25519. */
export function signManifest(
  manifest: Buffer,
  privateKeyPem: string,
): { entry: Buffer; fingerprint: string } {
  const key = createPrivateKey(privateKeyPem);
  if (key.asymmetricKeyType !== 'ed25519')
    throw new LabError('BAD_KEY', `the key is ${key.asymmetricKeyType}, not ed25519`);
  const publicDer = createPublicKey(key).export({ type: 'spki', format: 'der' });
  const entry = {
    format: SIGNATURE_FORMAT,
    publicKey: publicDer.toString('base64'),
    signature: sign(null, manifest, key).toString('base64'),
  };
  return {
    entry: Buffer.from(JSON.stringify(entry, null, 2)),
    fingerprint: fingerprintOf(publicDer),
  };
}

/** Whether `entry` is a valid signature of `manifest`, and by whom. */
export function checkSignature(
  manifest: Buffer,
  entry: Buffer,
): { ok: true; fingerprint: string } | { ok: false; why: string } {
  let raw: unknown;
  try {
    raw = JSON.parse(entry.toString('utf8'));
  } catch {
    return { ok: false, why: 'its signature entry is not JSON' };
  }
  const parsed = SignatureSchema.safeParse(raw);
  if (!parsed.success) return { ok: false, why: 'its signature entry is malformed' };
  try {
    const der = Buffer.from(parsed.data.publicKey, 'base64');
    const key = createPublicKey({ key: der, format: 'der', type: 'spki' });
    if (key.asymmetricKeyType !== 'ed25519')
      return { ok: false, why: 'it is signed with a key that is not Ed25519' };
    if (!verify(null, manifest, key, Buffer.from(parsed.data.signature, 'base64')))
      return {
        ok: false,
        why: 'its signature does not match its manifest (the file was changed after signing)',
      };
    return { ok: true, fingerprint: fingerprintOf(der) };
  } catch (error) {
    return {
      ok: false,
      why: `its signature cannot be checked (${error instanceof Error ? error.message : String(error)})`,
    };
  }
}
